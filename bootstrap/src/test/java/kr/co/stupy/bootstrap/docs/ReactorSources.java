package kr.co.stupy.bootstrap.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The production Java sources of every module, read from the reactor the tests run in (file → text). */
final class ReactorSources {

    private ReactorSources() {
    }

    /** The reactor's root: the first folder up from the working directory (a module's) with the parent pom and its modules. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("adapters-web"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no reactor root above " + Path.of("").toAbsolutePath());
    }

    /** Every {@code src/main/java/**.java} under the root, relative path (with '/') → source text. */
    static Map<String, String> production() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .filter(path -> path.contains("/src/main/java/") && !path.contains("/target/") && !path.contains("node_modules"))
                    .collect(Collectors.toMap(path -> path, path -> read(root.resolve(path))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Group 1 of every match of {@code pattern} in {@code text}. */
    static List<String> matches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
