package kr.co.stupy.adapter.redis;

import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.testing.AbstractLivePresenceContract;
import kr.co.stupy.shared.Ids;
import org.junit.jupiter.api.AutoClose;
import redis.clients.jedis.RedisClient;

/** The presence contract against a real redis-server; each test has its own key prefix. */
class RedisLivePresenceTest extends AbstractLivePresenceContract {

    @AutoClose
    static final TestRedis server = TestRedis.shared();
    @AutoClose
    static final RedisClient redis = RedisBus.connect(server.uri());

    @Override
    protected LivePresence createPresence() {
        return new RedisLivePresence(redis, "test-" + Ids.newId() + ":");
    }
}
