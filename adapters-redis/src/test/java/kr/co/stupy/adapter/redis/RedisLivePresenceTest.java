package kr.co.stupy.adapter.redis;

import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.testing.AbstractLivePresenceContract;
import kr.co.stupy.shared.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClient;

/** The presence contract against a real redis-server; each test has its own key prefix. */
class RedisLivePresenceTest extends AbstractLivePresenceContract {

    static TestRedis server;
    static RedisClient redis;

    @BeforeAll
    static void startRedis() {
        server = TestRedis.shared();
        redis = RedisBus.connect(server.uri());
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
        server.close();
    }

    @Override
    protected LivePresence createPresence() {
        return new RedisLivePresence(redis, "test-" + Ids.newId() + ":");
    }
}
