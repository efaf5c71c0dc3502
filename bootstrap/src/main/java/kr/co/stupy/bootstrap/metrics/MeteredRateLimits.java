package kr.co.stupy.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;

/**
 * Budgets as they were, counting each refusal by the budget's name ({@value #REFUSED}). Every budget
 * Stupy knows is registered at once, so a dashboard shows a zero rather than no series before the
 * first refusal; budget names are a fixed set, so the tag stays bounded.
 */
final class MeteredRateLimits implements RateLimits {

    static final String REFUSED = "stupy.limits.refused";

    private final RateLimits limits;
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> refusals = new ConcurrentHashMap<>();

    MeteredRateLimits(RateLimits limits, MeterRegistry registry) {
        this.limits = limits;
        this.registry = registry;
        Budgets.ALL.forEach(budget -> refusals.computeIfAbsent(budget.name(), this::counter));
    }

    @Override
    public Verdict take(Budget budget, String key) {
        Verdict verdict = limits.take(budget, key);
        if (!verdict.allowed()) {
            refusals.computeIfAbsent(budget.name(), this::counter).increment();
        }
        return verdict;
    }

    @Override
    public void giveBack(Budget budget, String key) {
        limits.giveBack(budget, key);
    }

    private Counter counter(String limit) {
        return Counter.builder(REFUSED).description("Attempts refused because a budget was spent, by budget")
                .tag("limit", limit).register(registry);
    }
}
