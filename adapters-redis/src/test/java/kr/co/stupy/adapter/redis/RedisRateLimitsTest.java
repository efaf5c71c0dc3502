package kr.co.stupy.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.limits.testing.AbstractRateLimitsContract;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.testing.MutableClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisRateLimitsTest extends AbstractRateLimitsContract {

    @AutoClose
    static final TestRedis server = TestRedis.shared();
    @AutoClose
    static final RedisClient redis = RedisBus.connect(server.uri());
    String prefix;

    @Override
    protected RateLimits createLimits(MutableClock clock) {
        prefix = "test-" + Ids.newId() + ":";
        return new RedisRateLimits(redis, prefix, clock);
    }

    @Test
    void nodesSharingRedisShareTheBudget() {
        RateLimits otherNode = new RedisRateLimits(redis, prefix, clock);
        Budget two = new Budget("test-two", 2, Duration.ofMinutes(1));
        assertTrue(limits.take(two, key).allowed());
        assertTrue(otherNode.take(two, key).allowed());
        assertFalse(limits.take(two, key).allowed());
        assertFalse(otherNode.take(two, key).allowed());
    }

    @Test
    void redisForgetsABucketOnceItWouldHaveFilledUp() {
        Budget two = new Budget("test-two", 2, Duration.ofMinutes(1));
        limits.take(two, key);
        String redisKey = prefix + "limit:test-two/2/60:" + key;
        long ttl = redis.pttl(redisKey.getBytes(StandardCharsets.UTF_8));
        assertTrue(ttl > 0 && ttl <= 40_000 + 1_000, "ttl " + ttl);
    }
}
