package kr.co.stupy.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long production sources are, read from the source text: a file in lines, a method (or
 * constructor) from the line of its name to the line of its closing brace. Comments and literals
 * are blanked first, so a brace in a string or a commented-out method counts for nothing.
 */
final class SourceSizes {

    /** A method or constructor with a body; {@code lines} counts its signature line and its closing brace. */
    record Method(Path file, String name, int firstLine, int lines) {
        @Override
        public String toString() {
            return file + ":" + firstLine + " " + name + "() is " + lines + " lines";
        }
    }

    private static final Set<String> NOT_METHOD_NAMES = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "return", "new", "else", "do", "throw", "case", "yield", "assert", "finally");
    private static final Pattern ANNOTATION = Pattern.compile("@\\s*[\\w.]+(\\s*\\((?:[^()]|\\([^()]*\\))*\\))?");
    private static final Pattern SIGNATURE = Pattern.compile(
            "^\\s*(?:[\\w<>\\[\\],.?&\\s]*\\s)?(\\w+)\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)\\s*(?:throws\\s+[\\w.,\\s<>]+)?\\s*$",
            Pattern.DOTALL);
    private static final Pattern COMPACT_CONSTRUCTOR = Pattern.compile("^\\s*(?:(?:public|protected|private)\\s+)?([A-Z]\\w*)\\s*$");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", ".git");

    private SourceSizes() {
    }

    /** Every {@code src/main/java} source of the reactor under {@code root}. */
    static List<Path> productionSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".java"))
                    .filter(file -> isProductionSource(root.relativize(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isProductionSource(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return parts.stream().noneMatch(SKIPPED_FOLDERS::contains)
                && String.join("/", parts).contains("src/main/java/");
    }

    /** The reactor's root: the nearest folder above the working directory that holds {@code architecture-tests}. */
    static Path reactorRoot() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isDirectory(folder.resolve("architecture-tests"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("no reactor root above " + Path.of("").toAbsolutePath());
        }
        return folder;
    }

    static int lines(Path file) {
        return (int) read(file).lines().count();
    }

    static List<Method> methods(Path file) {
        return methods(file, read(file));
    }

    static List<Method> methods(Path file, String source) {
        String code = withoutCommentsAndLiterals(source);
        List<Method> methods = new ArrayList<>();
        Deque<Method> open = new ArrayDeque<>();
        int line = 1;
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                open.push(declaredAt(file, code, headerStart, i));
                headerStart = i + 1;
            } else if (c == '}') {
                Method closed = open.isEmpty() ? null : open.pop();
                if (closed != null && closed.name() != null) {
                    methods.add(new Method(file, closed.name(), closed.firstLine(), line - closed.firstLine() + 1));
                }
                headerStart = i + 1;
            } else if (c == ';') {
                headerStart = i + 1;
            }
        }
        return methods;
    }

    /** The method a brace opens, or one without a name when the brace opens anything else (a type, a block, a lambda). */
    private static Method declaredAt(Path file, String code, int headerStart, int brace) {
        String header = blank(code.substring(headerStart, brace), ANNOTATION);
        if (header.contains("=") || header.contains("->")) {
            return new Method(file, null, 0, 0);
        }
        Matcher signature = SIGNATURE.matcher(header);
        Matcher compact = COMPACT_CONSTRUCTOR.matcher(header);
        Matcher named = signature.matches() ? signature : compact.matches() ? compact : null;
        if (named == null || NOT_METHOD_NAMES.contains(named.group(1))
                || Pattern.compile("\\b(class|interface|enum|record|new)\\b").matcher(header).find()) {
            return new Method(file, null, 0, 0);
        }
        int nameAt = headerStart + named.start(1);
        int firstLine = 1 + (int) code.substring(0, nameAt).chars().filter(ch -> ch == '\n').count();
        return new Method(file, named.group(1), firstLine, 0);
    }

    private static String blank(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (matcher.find()) {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    /** The source with every comment, string, text block and character literal turned into spaces; line breaks stay. */
    static String withoutCommentsAndLiterals(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end = literalOrCommentEnd(source, i);
            if (end == i) {
                out.append(source.charAt(i));
                i++;
            } else {
                for (int j = i; j < end; j++) {
                    out.append(source.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end;
            }
        }
        return out.toString();
    }

    /** Where the comment or literal starting at {@code i} ends; {@code i} itself when none starts there. */
    private static int literalOrCommentEnd(String s, int i) {
        if (s.startsWith("//", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            return quotedEnd(s, i + 3, "\"\"\"");
        }
        if (s.charAt(i) == '"') {
            return quotedEnd(s, i + 1, "\"");
        }
        if (s.charAt(i) == '\'') {
            return quotedEnd(s, i + 1, "'");
        }
        return i;
    }

    private static int quotedEnd(String s, int from, String closing) {
        int j = from;
        while (j < s.length()) {
            if (s.charAt(j) == '\\') {
                j += 2;
            } else if (s.startsWith(closing, j)) {
                return j + closing.length();
            } else {
                j++;
            }
        }
        return s.length();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the files over 350 lines and the methods over 60 (the limits of {@code SizeLimitsTest}); runs on its own with {@code java}. */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : reactorRoot();
        for (Path file : productionSources(root)) {
            int lines = lines(file);
            if (lines > 350) {
                System.out.println("CLASS  " + root.relativize(file) + " is " + lines + " lines");
            }
            methods(file).stream().filter(m -> m.lines() > 60)
                    .forEach(m -> System.out.println("METHOD " + root.relativize(m.file()) + ":" + m.firstLine() + " "
                            + m.name() + "() is " + m.lines() + " lines"));
        }
    }
}
