package kr.co.stupy.adapter.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;

/** Budgets that allow every attempt until told to refuse, and remember which budget and key each attempt was taken from. */
public final class StubRateLimits implements RateLimits {

    public static final Budget READS = new Budget("reads", 60, Duration.ofMinutes(1));

    private final List<String> taken = new CopyOnWriteArrayList<>();
    private volatile Duration refusingFor;

    @Override
    public Verdict take(Budget budget, String key) {
        taken.add(budget.name() + " " + key);
        Duration refusal = refusingFor;
        return refusal == null ? Verdict.ALLOWED : Verdict.refused(refusal);
    }

    @Override
    public void giveBack(Budget budget, String key) {
        throw new AssertionError("the web adapter never gives an attempt back");
    }

    /** From now on every attempt is refused, to be retried after {@code retryAfter}. */
    public void refuse(Duration retryAfter) {
        refusingFor = retryAfter;
    }

    /** The attempts taken so far, each as {@code "<budget> <key>"}. */
    public List<String> taken() {
        return List.copyOf(taken);
    }

    /** Allows again and forgets every attempt. */
    public void reset() {
        refusingFor = null;
        taken.clear();
    }

    public ReadBudget readBudget() {
        return new ReadBudget(this, READS);
    }
}
