package kr.co.stupy.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JPMS descriptors say what the architecture says: pure domain modules, services visible to
 * bootstrap only, adapters that only bootstrap wires; every production module has one.
 */
class ModuleDescriptorsTest {

    @ParameterizedTest
    @CsvSource({
            "kr.co.stupy.identity.User, kr.co.stupy.identity",
            "kr.co.stupy.rooms.Hashtag, kr.co.stupy.rooms",
            "kr.co.stupy.todos.TodoLimits, kr.co.stupy.todos",
            "kr.co.stupy.studytime.StudyDayPolicy, kr.co.stupy.studytime",
            "kr.co.stupy.chat.MessageText, kr.co.stupy.chat"})
    void domainModulesRequireNothingButSharedAndTheJdk(String someClass, String moduleName) throws Exception {
        ModuleDescriptor descriptor = descriptorOf(someClass);
        assertEquals(moduleName, descriptor.name());
        Set<String> required = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                .filter(name -> !name.startsWith("java.")).collect(Collectors.toSet());
        assertEquals(Set.of("kr.co.stupy.shared"), required);
    }

    @Test
    void sharedRequiresTheJdkOnly() throws Exception {
        ModuleDescriptor descriptor = descriptorOf("kr.co.stupy.shared.Ids");
        assertTrue(descriptor.requires().stream().allMatch(r -> r.name().startsWith("java.")));
    }

    @Test
    void theApplicationExportsPortsToAllAndServicesToBootstrapOnly() throws Exception {
        ModuleDescriptor descriptor = descriptorOf("kr.co.stupy.application.identity.service.LogInService");
        assertEquals("kr.co.stupy.application", descriptor.name());
        Set<String> servicePackages = descriptor.packages().stream()
                .filter(p -> p.endsWith(".service") || p.endsWith(".local")).collect(Collectors.toSet());
        assertFalse(servicePackages.isEmpty());
        for (String servicePackage : servicePackages) {
            ModuleDescriptor.Exports export = descriptor.exports().stream()
                    .filter(e -> e.source().equals(servicePackage)).findFirst()
                    .orElseThrow(() -> new AssertionError(servicePackage + " is not exported to the bootstrap module"));
            assertEquals(Set.of("kr.co.stupy.bootstrap"), export.targets(), servicePackage + " must be exported to bootstrap only");
        }
        descriptor.exports().stream().filter(e -> e.source().contains(".port."))
                .forEach(e -> assertFalse(e.isQualified(), e.source() + " is a port and open to every adapter"));
    }

    @ParameterizedTest
    @CsvSource({
            "kr.co.stupy.adapter.web.WebServer, kr.co.stupy.adapter.web",
            "kr.co.stupy.adapter.mongo.MongoStore, kr.co.stupy.adapter.mongo",
            "kr.co.stupy.adapter.redis.RedisBus, kr.co.stupy.adapter.redis",
            "kr.co.stupy.adapter.oauth.ScribeOAuthClient, kr.co.stupy.adapter.oauth",
            "kr.co.stupy.bootstrap.Main, kr.co.stupy.bootstrap"})
    void everyProductionModuleHasADescriptorOfItsOwn(String someClass, String moduleName) throws Exception {
        ModuleDescriptor descriptor = descriptorOf(someClass);
        assertFalse(descriptor.isAutomatic(), someClass + " is not in a module with a module-info");
        assertEquals(moduleName, descriptor.name());
    }

    @ParameterizedTest
    @CsvSource({
            "kr.co.stupy.adapter.web.WebServer",
            "kr.co.stupy.adapter.mongo.MongoStore",
            "kr.co.stupy.adapter.redis.RedisBus",
            "kr.co.stupy.adapter.oauth.ScribeOAuthClient"})
    void adaptersExportToBootstrapOnlyAndOpenToJacksonOnly(String someClass) throws Exception {
        ModuleDescriptor descriptor = descriptorOf(someClass);
        assertFalse(descriptor.exports().isEmpty(), descriptor.name() + " exports nothing for bootstrap to wire");
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            assertEquals(Set.of("kr.co.stupy.bootstrap"), export.targets(),
                    export.source() + ": adapters never call each other, so only bootstrap sees them");
        }
        for (ModuleDescriptor.Opens open : descriptor.opens()) {
            assertEquals(Set.of("com.fasterxml.jackson.databind"), open.targets(), open.source() + " is opened beyond Jackson");
        }
    }

    @Test
    void everyQualifiedExportOrOpenNamesAModuleThatExists() {
        // javac cannot check this (it compiles a module before the modules it exports to, hence the
        // @SuppressWarnings("module") in those descriptors), so it is checked here.
        ModulePath modules = ModulePath.ofTestClassPath();
        Map<String, ModuleDescriptor> stupy = modules.stupyModules();
        assertTrue(stupy.keySet().containsAll(Set.of("kr.co.stupy.application", "kr.co.stupy.bootstrap")), "found only " + stupy.keySet());
        for (ModuleDescriptor descriptor : stupy.values()) {
            Stream.concat(descriptor.exports().stream().flatMap(e -> e.targets().stream()),
                            descriptor.opens().stream().flatMap(o -> o.targets().stream()))
                    .forEach(target -> assertTrue(modules.holds(target),
                            descriptor.name() + " exports or opens a package to " + target + ", which is no module of the build"));
        }
    }

    private static ModuleDescriptor descriptorOf(String className) throws ClassNotFoundException, URISyntaxException {
        Path location = Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(location).findAll().stream().findFirst()
                .orElseThrow(() -> new AssertionError(location + " holds no module")).descriptor();
    }
}
