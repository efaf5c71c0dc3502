package kr.co.stupy.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rules over every production class of the reactor. */
class ArchitectureTest {

    static final StupyRules RULES = new StupyRules("kr.co.stupy");
    static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        // The reactor's modules are on the class path as jars when Maven packages them; import those too.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                .importPackages("kr.co.stupy");
    }

    @TestFactory
    Stream<DynamicTest> productionFollowsEveryRule() {
        return RULES.rules().entrySet().stream().map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> {
            EvaluationResult result = rule.getValue().evaluate(production);
            assertFalse(result.hasViolation(), () -> String.join("\n", result.getFailureReport().getDetails()));
        }));
    }

    @Test
    void everyPackageARuleNamesExists() {
        for (String pattern : RULES.namedPackages()) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            assertTrue(production.stream().anyMatch(c -> c.getPackageName().equals(prefix) || c.getPackageName().startsWith(prefix + ".")),
                    () -> "a rule names " + pattern + " but no production class lives there");
        }
    }

    @Test
    void importsEveryModule() {
        for (String module : new String[] {"kr.co.stupy.shared.Ids", "kr.co.stupy.identity.User",
                "kr.co.stupy.application.identity.service.LogInService", "kr.co.stupy.adapter.web.WebServer",
                "kr.co.stupy.adapter.mongo.MongoStore", "kr.co.stupy.adapter.redis.RedisHealthProbe",
                "kr.co.stupy.adapter.oauth.ProviderEndpoints", "kr.co.stupy.bootstrap.Main"}) {
            assertTrue(production.contain(module), module + " was not imported");
        }
    }
}
