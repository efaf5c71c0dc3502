package kr.co.stupy.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler, not only ArchUnit, keeps adapters out of the application's services: a probe module
 * that requires {@code kr.co.stupy.application}, compiled against the built modules, cannot name a
 * type of any service package (nor of the in-process {@code local} implementations), while the in-ports are open to it. The same probe named
 * {@code kr.co.stupy.bootstrap} may name the services, so the qualified exports reach a real module.
 */
class AdaptersCannotReachServicesTest {

    static final String APPLICATION = "kr.co.stupy.application";
    static ModulePath modules;
    static List<String> oneServiceTypePerPackage;
    static List<String> oneInPortTypePerPackage;

    @TempDir
    Path work;

    @BeforeAll
    static void findTheTypes() {
        modules = ModulePath.ofTestClassPath();
        Set<String> packages = modules.module(APPLICATION).descriptor().packages();
        oneServiceTypePerPackage = onePublicTypePerPackage(packages, ".service", ".local");
        oneInPortTypePerPackage = onePublicTypePerPackage(packages, ".port.in");
        assertFalse(oneServiceTypePerPackage.isEmpty(), "the application module has no service package");
        assertFalse(oneInPortTypePerPackage.isEmpty(), "the application module has no port.in package");
    }

    @Test
    void anAdapterNamingAServiceDoesNotCompile() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compileProbe("kr.co.stupy.adapter.probe", oneServiceTypePerPackage);

        for (String type : oneServiceTypePerPackage) {
            String servicePackage = packageOf(type);
            assertTrue(errors.stream().anyMatch(error -> error.getCode().equals("compiler.err.package.not.visible")
                            && error.getMessage(Locale.ROOT).contains("package " + servicePackage + " is not visible")
                            && error.getMessage(Locale.ROOT).contains("does not export it to module kr.co.stupy.adapter.probe")),
                    servicePackage + " must be invisible to an adapter; javac said: " + describe(errors));
        }
    }

    @Test
    void anAdapterNamingTheInPortsCompiles() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compileProbe("kr.co.stupy.adapter.probe", oneInPortTypePerPackage);

        assertTrue(errors.isEmpty(), "the in-ports must be visible to an adapter; javac said: " + describe(errors));
    }

    @Test
    void bootstrapNamingTheServicesCompiles() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compileProbe("kr.co.stupy.bootstrap", oneServiceTypePerPackage);

        assertTrue(errors.isEmpty(), "the services must be visible to bootstrap; javac said: " + describe(errors));
    }

    /** Compiles a module {@code moduleName} requiring the application, with one field of each type; returns the errors. */
    private List<Diagnostic<? extends JavaFileObject>> compileProbe(String moduleName, List<String> types) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src"));
        Path probe = Files.createDirectories(sources.resolve("probe"));
        Files.writeString(sources.resolve("module-info.java"), "module " + moduleName + " { requires " + APPLICATION + "; }\n");
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < types.size(); i++) {
            fields.append("    ").append(types.get(i)).append(" field").append(i).append(";\n");
        }
        Files.writeString(probe.resolve("Probe.java"), "package probe;\n\nfinal class Probe {\n" + fields + "}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String modulePath = modules.locationsNeededBy(APPLICATION).stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            // An empty class path: javac in this JVM would otherwise take the test's class path, where the
            // application's classes also sit, unnamed and readable by anyone.
            Path noClassPath = Files.createDirectories(work.resolve("no-class-path"));
            List<String> options = List.of("--module-path", modulePath, "--class-path", noClassPath.toString(),
                    "-d", work.resolve("classes").toString(), "-proc:none");
            var units = files.getJavaFileObjects(sources.resolve("module-info.java"), probe.resolve("Probe.java"));
            javac.getTask(null, files, diagnostics, options, null, units).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    /** A public type of each package whose name ends with one of {@code suffixes}. */
    private static List<String> onePublicTypePerPackage(Set<String> packages, String... suffixes) {
        return packages.stream().filter(name -> Stream.of(suffixes).anyMatch(name::endsWith)).sorted()
                .map(name -> modules.topLevelClasses(APPLICATION, name).stream()
                        .filter(AdaptersCannotReachServicesTest::isPublic).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " has no public type to probe with")))
                .toList();
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, AdaptersCannotReachServicesTest.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is listed in the application module but cannot be loaded", e);
        }
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    private static String describe(List<Diagnostic<? extends JavaFileObject>> errors) {
        return errors.isEmpty() ? "nothing" : errors.stream().map(error -> error.getMessage(Locale.ROOT)).collect(Collectors.joining(" | "));
    }
}
