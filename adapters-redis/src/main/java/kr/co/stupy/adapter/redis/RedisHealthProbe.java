package kr.co.stupy.adapter.redis;

import kr.co.stupy.application.health.port.out.HealthProbe;
import redis.clients.jedis.UnifiedJedis;

/** Health of the Redis bus: up while Redis answers a PING. */
public final class RedisHealthProbe implements HealthProbe {

    private final UnifiedJedis redis;

    public RedisHealthProbe(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public boolean isUp() {
        try {
            return "PONG".equalsIgnoreCase(redis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
