package kr.co.stupy.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * No production class over {@value #MAX_CLASS_LINES} lines and no method over
 * {@value #MAX_METHOD_LINES}, counted in the source files of every module ({@link SourceSizes}).
 * {@code java architecture-tests/src/test/java/kr/co/stupy/architecture/SourceSizes.java} prints the
 * offenders from the reactor's root.
 */
class SizeLimitsTest {

    static final int MAX_CLASS_LINES = 350;
    static final int MAX_METHOD_LINES = 60;

    private static final Path ROOT = SourceSizes.reactorRoot();
    private static final List<Path> SOURCES = SourceSizes.productionSources(ROOT);

    @Test
    void everyProductionModuleIsCounted() {
        Set<String> modules = SOURCES.stream().map(file -> {
            String path = relative(file);
            return path.substring(0, path.indexOf("/src/main/java/"));
        }).collect(Collectors.toSet());
        assertEquals(Set.of("domain/shared", "domain/identity", "domain/rooms", "domain/todos", "domain/studytime",
                "domain/chat", "application", "adapters-web", "adapters-mongo", "adapters-redis", "adapters-oauth",
                "bootstrap"), modules);
    }

    @Test
    void noProductionClassIsOverTheLimit() {
        List<String> tooLong = SOURCES.stream().filter(file -> SourceSizes.lines(file) > MAX_CLASS_LINES)
                .map(file -> relative(file) + " is " + SourceSizes.lines(file) + " lines")
                .toList();
        assertEquals(List.of(), tooLong, "split these classes to " + MAX_CLASS_LINES + " lines or fewer");
    }

    @Test
    void noProductionMethodIsOverTheLimit() {
        List<String> tooLong = SOURCES.stream().flatMap(file -> SourceSizes.methods(file).stream())
                .filter(method -> method.lines() > MAX_METHOD_LINES)
                .map(method -> relative(method.file()) + ":" + method.firstLine() + " " + method.name() + "() is "
                        + method.lines() + " lines")
                .toList();
        assertEquals(List.of(), tooLong, "split these methods to " + MAX_METHOD_LINES + " lines or fewer");
    }

    @Test
    void aMethodIsCountedFromItsNameToItsClosingBrace() {
        String source = """
                class Sample {
                    @Override
                    public String toString() {
                        return "}";
                    }

                    <T extends Comparable<T>> T longest(List<T> items) throws IllegalStateException {
                %s    }
                }
                """.formatted(lines(58, "        items.size();"));
        List<SourceSizes.Method> methods = SourceSizes.methods(Path.of("Sample.java"), source);
        assertEquals(List.of("toString:3:3", "longest:7:60"), describe(methods));
    }

    @Test
    void aMethodOneLineOverTheLimitIsFound() {
        String source = "class Sample {\n    void tooLong() {\n" + lines(60, "        step();") + "    }\n}\n";
        assertEquals(List.of("tooLong:2:62"), describe(SourceSizes.methods(Path.of("Sample.java"), source)));
    }

    @Test
    void bracesInCommentsAndLiteralsAndBlocksThatAreNoMethodsCountForNothing() {
        String source = """
                record Sample(int a) {
                    Sample {
                        if (a < 0) { throw new IllegalArgumentException("{"); }
                    }
                    // void commented() {
                    /* void alsoCommented() { */
                    static { char open = '{'; }
                    Runnable task = () -> { run(); };
                    Object anonymous() {
                        return new Object() {
                            @Override
                            public int hashCode() {
                                String text = \"""
                                    }}}
                                    \""";
                                return text.length();
                            }
                        };
                    }
                    enum Kind { ONE, TWO }
                }
                """;
        assertEquals(List.of("Sample:2:3", "hashCode:12:6", "anonymous:9:11"),
                describe(SourceSizes.methods(Path.of("Sample.java"), source)));
    }

    private static String lines(int count, String line) {
        return IntStream.range(0, count).mapToObj(i -> line + "\n").collect(Collectors.joining());
    }

    private static List<String> describe(List<SourceSizes.Method> methods) {
        return methods.stream().map(m -> m.name() + ":" + m.firstLine() + ":" + m.lines()).toList();
    }

    private static String relative(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }
}
