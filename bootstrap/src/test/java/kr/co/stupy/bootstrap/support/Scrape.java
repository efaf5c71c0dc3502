package kr.co.stupy.bootstrap.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One scrape in Prometheus' text format, read into samples: a metric name, its labels and a value.
 * Comments ({@code # HELP}, {@code # TYPE}) are skipped; label values are unescaped.
 */
public record Scrape(Map<Series, Double> samples) {

    /** A sample's name and labels (sorted, so two spellings of one series are equal). */
    public record Series(String name, Map<String, String> labels) {
        public Series {
            labels = Map.copyOf(new TreeMap<>(labels));
        }
    }

    public static Scrape parse(String text) {
        Map<Series, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int labelsStart = line.indexOf('{');
            int nameEnd = labelsStart >= 0 ? labelsStart : line.indexOf(' ');
            String name = line.substring(0, nameEnd);
            Map<String, String> labels = new LinkedHashMap<>();
            int valueStart = nameEnd;
            if (labelsStart >= 0) {
                valueStart = readLabels(line, labelsStart + 1, labels) + 1;
            }
            String[] rest = line.substring(valueStart).strip().split(" ");
            samples.put(new Series(name, labels), Double.parseDouble(rest[0]));
        }
        return new Scrape(samples);
    }

    /** Reads {@code a="x",b="y"} from {@code at}; returns the index of the closing brace. */
    private static int readLabels(String line, int at, Map<String, String> labels) {
        int i = at;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals);
            StringBuilder value = new StringBuilder();
            i = equals + 2;   // past ="
            while (line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                i++;
            }
            labels.put(key, value.toString());
            i++;   // past the closing quote
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i;
    }

    /** The value of the one series of {@code name} whose labels include {@code labels} (given as key, value, ...); 0 when absent. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        var matching = samples.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().labels().entrySet().containsAll(wanted.entrySet()))
                .toList();
        if (matching.size() > 1) {
            throw new AssertionError(matching.size() + " series of " + name + " match " + wanted + ": " + matching);
        }
        return matching.isEmpty() ? 0 : matching.getFirst().getValue();
    }

    /** The sum over every series of {@code name} whose labels pass {@code labels}. */
    public double sum(String name, Predicate<Map<String, String>> labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().name().equals(name) && labels.test(e.getKey().labels()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Whether any series of {@code name} is there. */
    public boolean has(String name) {
        return samples.keySet().stream().anyMatch(series -> series.name().equals(name));
    }

    public Set<String> names() {
        return samples.keySet().stream().map(Series::name).collect(Collectors.toSet());
    }

    private static Map<String, String> pairs(String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return wanted;
    }
}
