package kr.co.stupy.application.limits.local;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;

/**
 * Budgets in this process, as Bucket4j token buckets, for a node that runs alone. A bucket that has
 * filled up again holds nothing worth keeping, so such buckets are swept out as keys pile up: memory
 * follows the clients that are still spending, not every address ever seen.
 */
public final class InProcessRateLimits implements RateLimits {

    private static final int SWEEP_EVERY = 4096;

    /** A bucket with the budget it was made for, which says when the bucket is full again. */
    private record Held(Budget budget, Bucket bucket) {
        boolean full() {
            return bucket.getAvailableTokens() >= budget.capacity();
        }
    }

    private final Map<String, Held> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);
    private final TimeMeter time;

    public InProcessRateLimits(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Override
    public Verdict take(Budget budget, String key) {
        if (budget.isUnlimited()) {
            return Verdict.ALLOWED;
        }
        if (untilSweep.decrementAndGet() <= 0) {
            untilSweep.set(SWEEP_EVERY);
            sweep();
        }
        ConsumptionProbe probe = bucket(budget, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(Budget budget, String key) {
        if (!budget.isUnlimited()) {
            Held held = buckets.get(keyOf(budget, key));
            if (held != null) {
                held.bucket().addTokens(1);
            }
        }
    }

    /** How many keys are held now (for tests of the sweep). */
    int keysHeld() {
        return buckets.size();
    }

    void sweep() {
        buckets.values().removeIf(Held::full);
    }

    private Bucket bucket(Budget budget, String key) {
        return buckets.computeIfAbsent(keyOf(budget, key), k -> new Held(budget, Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(limit -> refill(limit.capacity(budget.capacity()), budget))
                .build())).bucket();
    }

    private static String keyOf(Budget budget, String key) {
        // The budget's own numbers are part of the key, so a changed setting starts fresh buckets.
        return budget.name() + '/' + budget.capacity() + '/' + budget.period().toSeconds() + ':' + key;
    }

    /** Evenly: a token every period / capacity; whole period: the capacity back at each period's end. */
    private static BandwidthBuilder.BandwidthBuilderBuildStage refill(
            BandwidthBuilder.BandwidthBuilderRefillStage limit, Budget budget) {
        return budget.refill() == Budget.Refill.EVENLY
                ? limit.refillGreedy(budget.capacity(), budget.period())
                : limit.refillIntervally(budget.capacity(), budget.period());
    }
}
