package kr.co.stupy.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.live.testing.AbstractLiveTicketsContract;
import kr.co.stupy.shared.Ids;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisLiveTicketsTest extends AbstractLiveTicketsContract {

    @AutoClose
    static final TestRedis server = TestRedis.shared();
    @AutoClose
    static final RedisClient redis = RedisBus.connect(server.uri());
    String prefix;

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
