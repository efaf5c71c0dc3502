package kr.co.stupy.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.live.testing.AbstractLiveTicketsContract;
import kr.co.stupy.shared.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisLiveTicketsTest extends AbstractLiveTicketsContract {

    static TestRedis server;
    static RedisClient redis;
    String prefix;

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
    protected LiveTickets createTickets() {
        prefix = "test-" + Ids.newId() + ":";
        return new RedisLiveTickets(redis, prefix);
    }

    @Test
    void redisForgetsATicketByItselfAfterSixtySeconds() {
        LiveTickets.Ticket ticket = tickets.issue(kim, room, T0);
        long ttl = redis.ttl(prefix + "ticket:" + ticket.value());
        assertTrue(ttl > 55 && ttl <= 60, "ttl " + ttl);
    }
}
