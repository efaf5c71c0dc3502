package kr.co.stupy.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture of Stupy as ArchUnit rules, written against a base package so the same rules
 * run over production ({@code kr.co.stupy}) and over deliberately broken fixtures. Every package
 * a rule names is listed in {@link #namedPackages()}, because ArchUnit passes silently on a
 * package that does not exist.
 */
final class StupyRules {

    static final List<String> CONTEXTS = List.of("identity", "rooms", "todos", "studytime", "chat");
    /** Application packages every context may use: budgets, pictures, and the classes that join contexts. */
    static final List<String> SHARED_APPLICATION_PACKAGES = List.of("limits", "image", "integration");
    static final List<String> ADAPTERS = List.of("web", "mongo", "redis", "oauth");
    static final List<String> FRAMEWORKS = List.of(
            "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
            "com.mongodb..", "org.bson..", "de.bwaldvogel..", "io.netty..",
            "redis.clients..", "org.pac4j..", "com.github.scribejava..",
            "com.fasterxml.jackson..", "com.nimbusds..", "org.slf4j..");

    private final String base;

    StupyRules(String base) {
        this.base = base;
    }

    String shared() {
        return base + ".shared..";
    }

    String context(String name) {
        return base + "." + name + "..";
    }

    String application() {
        return base + ".application..";
    }

    String adapter(String name) {
        return base + ".adapter." + name + "..";
    }

    String bootstrap() {
        return base + ".bootstrap..";
    }

    String[] domain() {
        List<String> packages = new ArrayList<>();
        packages.add(shared());
        CONTEXTS.forEach(c -> packages.add(context(c)));
        return packages.toArray(String[]::new);
    }

    /** Each rule by name, so a test can run one rule at a time against its bad fixture. */
    Map<String, ArchRule> rules() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        var onion = onionArchitecture()
                .domainModels(domain())
                .applicationServices(application());
        for (String adapter : ADAPTERS) {
            onion = onion.adapter(adapter, adapter(adapter));
        }
        rules.put("onion", onion
                // There are no domain services; the existence of every named package is checked separately.
                .withOptionalLayers(true)
                .ignoreDependency(resideInAPackage(bootstrap()), alwaysTrue())
                .because("dependencies point inwards: adapters -> application -> domain"));

        rules.put("sharedDependsOnJdkOnly", classes().that().resideInAPackage(shared())
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", shared())
                .because("shared values are the root of every context"));
        List<String> contexts = CONTEXTS.stream().map(this::context).toList();
        for (String context : contexts) {
            rules.put("domain:" + context, classes().that().resideInAPackage(context)
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..", shared(), context)
                    .because("a domain context depends on the JDK and shared only"));
        }
        rules.put("contextsAreIndependent", slices().matching(base + ".(" + String.join("|", CONTEXTS) + ")..")
                .should().notDependOnEachOther()
                .because("bounded contexts talk through application in-ports, never into each other"));
        rules.put("applicationServicesAreIndependent", slices().matching(base + ".application.(*).service..")
                .should().notDependOnEachOther()
                .because("one context's use cases call another's through its in-port"));
        rules.put("noFrameworksInside", noClasses().that().resideInAnyPackage(append(domain(), application()))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS.toArray(String[]::new))
                .because("no Javalin, Mongo, jedis, pac4j or Jackson type crosses into the domain or the application"));
        rules.put("noMetricsInside", noClasses().that().resideInAnyPackage(append(domain(), application()))
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
                .because("metrics are measured at the edges (adapters, decorators wired in bootstrap); the domain and the "
                        + "application announce what they did through their ports, in their own words"));
        rules.put("adaptersUsePortsNotServices", noClasses().that().resideInAPackage(base + ".adapter..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".application.*.service..", base + ".application.*.local..")
                .because("adapters drive the application through its in-ports only"));
        rules.put("onlyBootstrapKnowsBootstrap", noClasses().that().resideOutsideOfPackage(bootstrap())
                .should().dependOnClassesThat().resideInAPackage(bootstrap())
                .because("the bootstrap module is the only place that knows every module"));
        rules.put("noPackageCycles", slices().matching(base + ".(**)").should().beFreeOfCycles()
                .because("a cycle between packages makes two packages one, whatever their names say"));
        rules.put("contextsMeetThroughInPorts", classes().that(inAnApplicationContext())
                .should(useOtherContextsOnlyThroughTheirInPorts())
                .because("an application context uses another only through that context's in-ports; "
                        + "what crosses the other way is an out-port implemented in application.integration"));
        rules.put("inPortsKnowNoImplementations", noClasses().that().resideInAPackage(base + ".application.*.port.in..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".application.*.service..", base + ".application.*.local..",
                        base + ".application.integration..", base + ".adapter..", bootstrap())
                .because("an in-port is a contract its callers read; who implements it, or the out-ports, is none of theirs"));
        rules.put("inPortsAreUseCasesOrQueries", classes().that().resideInAPackage(base + ".application.*.port.in..")
                .and().areInterfaces().and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleNameEndingWith("Query")
                .because("an in-port says whether it changes something (UseCase) or only reads (Query)"));
        rules.put("servicesAreNamedServices", classes().that().resideInAPackage(base + ".application.*.service..")
                .and().areTopLevelClasses().and(implementAnInPort())
                .should().haveSimpleNameEndingWith("Service")
                .because("what implements an in-port is a service; its helpers are not"));
        return rules;
    }

    private DescribedPredicate<JavaClass> inAnApplicationContext() {
        return DescribedPredicate.describe("are in an application context", c -> applicationContextOf(c.getPackageName()).isPresent());
    }

    private ArchCondition<JavaClass> useOtherContextsOnlyThroughTheirInPorts() {
        return new ArchCondition<>("use other application contexts only through their port.in") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = applicationContextOf(item.getPackageName()).orElseThrow();
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    boolean otherContext = applicationContextOf(target).filter(context -> !context.equals(own)).isPresent();
                    if (otherContext && !target.contains(".port.in")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    @Override
    public String toString() {
        return base;
    }

    /** The application context a package belongs to ({@code application.<context>...}), except the shared helper packages. */
    java.util.Optional<String> applicationContextOf(String packageName) {
        String prefix = base + ".application.";
        if (!packageName.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String context = packageName.substring(prefix.length()).split("\\.")[0];
        return SHARED_APPLICATION_PACKAGES.contains(context) ? java.util.Optional.empty() : java.util.Optional.of(context);
    }

    private static DescribedPredicate<JavaClass> implementAnInPort() {
        return DescribedPredicate.describe("implement an in-port", c -> c.getAllRawInterfaces().stream()
                .anyMatch(i -> i.getPackageName().contains(".port.in")));
    }

    /** Every package the rules name; each must hold at least one class. */
    List<String> namedPackages() {
        List<String> packages = new ArrayList<>(List.of(domain()));
        packages.add(application());
        ADAPTERS.forEach(a -> packages.add(adapter(a)));
        packages.add(bootstrap());
        return packages;
    }

    private static String[] append(String[] packages, String more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }
}
