package kr.co.stupy.architecture;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The built modules and libraries on this test's class path (surefire puts the reactor's jars and
 * their dependencies there), seen one entry at a time as the module system would see them on a
 * module path: a descriptor, or the automatic module the entry would become.
 */
final class ModulePath {

    private final Map<String, ModuleReference> byName;

    private ModulePath(Map<String, ModuleReference> byName) {
        this.byName = byName;
    }

    static ModulePath ofTestClassPath() {
        Map<String, ModuleReference> byName = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path location = Path.of(entry);
            if (Files.exists(location)) {
                // The first entry holding a module wins, as it would on a module path.
                moduleAt(location).ifPresent(module -> byName.putIfAbsent(module.descriptor().name(), module));
            }
        }
        return new ModulePath(byName);
    }

    /** The Stupy modules that have a descriptor of their own, by name. */
    Map<String, ModuleDescriptor> stupyModules() {
        Map<String, ModuleDescriptor> stupy = new LinkedHashMap<>();
        byName.values().stream().map(ModuleReference::descriptor)
                .filter(descriptor -> !descriptor.isAutomatic() && descriptor.name().startsWith("kr.co.stupy."))
                .forEach(descriptor -> stupy.put(descriptor.name(), descriptor));
        return stupy;
    }

    boolean holds(String moduleName) {
        return byName.containsKey(moduleName) || ModuleFinder.ofSystem().find(moduleName).isPresent();
    }

    ModuleReference module(String name) {
        ModuleReference module = byName.get(name);
        if (module == null) {
            throw new AssertionError("module " + name + " is not on the test class path; found " + byName.keySet());
        }
        return module;
    }

    /**
     * Where {@code root} and every module it requires, directly or not, are: a module path on which
     * {@code root} resolves. JDK modules and {@code requires static} are left out; so is everything
     * else on the class path (test-jars and libraries that would clash as automatic modules).
     */
    List<Path> locationsNeededBy(String root) {
        Map<String, Path> needed = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (needed.containsKey(name) || (!byName.containsKey(name) && ModuleFinder.ofSystem().find(name).isPresent())) {
                continue;
            }
            ModuleReference module = module(name);
            needed.put(name, Path.of(module.location().orElseThrow()));
            module.descriptor().requires().stream()
                    .filter(requires -> !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                    .map(ModuleDescriptor.Requires::name)
                    .forEach(pending::push);
        }
        return List.copyOf(needed.values());
    }

    /** The names of the classes in {@code packageName} of {@code moduleName}, nested ones left out. */
    List<String> topLevelClasses(String moduleName, String packageName) {
        String folder = packageName.replace('.', '/') + "/";
        try (var reader = module(moduleName).open(); Stream<String> entries = reader.list()) {
            return entries.filter(entry -> entry.startsWith(folder) && entry.endsWith(".class"))
                    .map(entry -> entry.substring(folder.length(), entry.length() - ".class".length()))
                    .filter(simpleName -> !simpleName.contains("/") && !simpleName.contains("$"))
                    .map(simpleName -> packageName + "." + simpleName)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ModuleReference> moduleAt(Path location) {
        try {
            return ModuleFinder.of(location).findAll().stream().findFirst();
        } catch (FindException e) {
            // Not usable as a module (e.g. no name can be derived from the file name): never on a module path.
            return Optional.empty();
        }
    }
}
