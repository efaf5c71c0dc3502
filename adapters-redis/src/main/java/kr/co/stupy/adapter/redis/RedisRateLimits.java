package kr.co.stupy.adapter.redis;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;
import redis.clients.jedis.UnifiedJedis;

/**
 * Budgets shared by every node through Redis, as Bucket4j buckets (one key per budget and client,
 * changed by compare-and-swap, so racing nodes never spend an attempt twice). A key expires once
 * its bucket would have filled up again, so Redis holds only the clients that are still spending.
 */
public final class RedisRateLimits implements RateLimits {

    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final ProxyManager<byte[]> buckets;
    private final String prefix;

    public RedisRateLimits(UnifiedJedis redis, String prefix, Clock clock) {
        this.prefix = prefix + "limit:";
        TimeMeter nodeTime = new MillisOf(clock);
        this.buckets = Bucket4jJedis.casBasedBuilder(redis)
                .clientClock(nodeTime)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .build();
    }

    @Override
    public Verdict take(Budget budget, String key) {
        if (budget.isUnlimited()) {
            return Verdict.ALLOWED;
        }
        ConsumptionProbe probe = bucket(budget, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(Budget budget, String key) {
        if (!budget.isUnlimited()) {
            bucket(budget, key).addTokens(1);
        }
    }

    private BucketProxy bucket(Budget budget, String key) {
        // The budget's numbers are in the key, so nodes with different settings never share a bucket of another shape.
        String redisKey = prefix + budget.name() + '/' + budget.capacity() + '/' + budget.period().toSeconds() + ':' + key;
        return buckets.builder().build(redisKey.getBytes(StandardCharsets.UTF_8), () -> BucketConfiguration.builder()
                .addLimit(limit -> refill(limit.capacity(budget.capacity()), budget))
                .build());
    }

    /** Every node reads its own clock in milliseconds; nodes' clocks agree closely enough for budgets of seconds. */
    private record MillisOf(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    /** Evenly: a token every period / capacity; whole period: the capacity back at each period's end. */
    private static BandwidthBuilder.BandwidthBuilderBuildStage refill(
            BandwidthBuilder.BandwidthBuilderRefillStage limit, Budget budget) {
        return budget.refill() == Budget.Refill.EVENLY
                ? limit.refillGreedy(budget.capacity(), budget.period())
                : limit.refillIntervally(budget.capacity(), budget.period());
    }
}
