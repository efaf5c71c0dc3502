package kr.co.stupy.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each rule, run against a fixture that breaks it on purpose, must report the offending class.
 * A rule that stays green here would stay green on broken production code too.
 */
class RulesHaveTeethTest {

    static final StupyRules RULES = new StupyRules("archfixture.bad");
    static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("archfixture.bad");

    /** Rule name → a class that must appear among its violations. */
    static final Map<String, String> OFFENDERS = Map.ofEntries(
            Map.entry("onion", "WebThing"),
            Map.entry("sharedDependsOnJdkOnly", "SharedUsesIdentity"),
            Map.entry("domain:archfixture.bad.identity..", "Person"),
            Map.entry("domain:archfixture.bad.rooms..", "RoomUsesTodo"),
            Map.entry("domain:archfixture.bad.todos..", "Todo"),
            Map.entry("domain:archfixture.bad.studytime..", "LoggingLedger"),
            Map.entry("domain:archfixture.bad.chat..", "JsonChat"),
            Map.entry("contextsAreIndependent", "RoomUsesTodo"),
            Map.entry("applicationServicesAreIndependent", "IdentityService"),
            Map.entry("noFrameworksInside", "JsonChat"),
            Map.entry("noMetricsInside", "CountingRoomService"),
            Map.entry("adaptersUsePortsNotServices", "WebThing"),
            Map.entry("onlyBootstrapKnowsBootstrap", "RedisThing"),
            Map.entry("noPackageCycles", "PostThing"),
            Map.entry("contextsMeetThroughInPorts", "LiveThing"),
            Map.entry("inPortsKnowNoImplementations", "PostThing"),
            Map.entry("inPortsAreUseCasesOrQueries", "PostThing"),
            Map.entry("servicesAreNamedServices", "ChatThing"));

    @Test
    void everyRuleHasAFixtureThatBreaksIt() {
        assertEquals(RULES.rules().keySet(), OFFENDERS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleCatchesItsFixture() {
        return RULES.rules().entrySet().stream().map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> {
            EvaluationResult result = rule.getValue().evaluate(FIXTURES);
            assertTrue(result.hasViolation(), rule.getKey() + " found nothing in a fixture built to break it");
            String offender = OFFENDERS.get(rule.getKey());
            assertTrue(result.getFailureReport().getDetails().stream().anyMatch(d -> d.contains(offender)),
                    () -> rule.getKey() + " did not name " + offender + ":\n" + result.getFailureReport());
        }));
    }

    @Test
    void theOnionRuleAlsoCatchesTheDomainReachingOut() {
        EvaluationResult result = RULES.rules().get("onion").evaluate(FIXTURES);
        assertTrue(result.getFailureReport().getDetails().stream().anyMatch(d -> d.contains("Person")));
    }

    @Test
    void theFixtureCoversEveryNamedPackage() {
        for (String pattern : RULES.namedPackages()) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            assertTrue(FIXTURES.stream().anyMatch(c -> c.getPackageName().startsWith(prefix)), pattern);
        }
    }
}
