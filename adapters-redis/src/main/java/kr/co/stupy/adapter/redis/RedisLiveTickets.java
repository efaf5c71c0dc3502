package kr.co.stupy.adapter.redis;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Tickets any node can redeem: {@code SET NX EX 60} on issue, {@code GETDEL} on redeem, so a ticket
 * is used once even when two nodes race for it. The stored expiry is checked too, because Redis
 * expiry follows Redis's clock and the contract follows the caller's.
 */
public final class RedisLiveTickets implements LiveTickets {

    private final SecureRandom random = new SecureRandom();
    private final UnifiedJedis redis;
    private final String prefix;

    public RedisLiveTickets(UnifiedJedis redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Ticket issue(UserId userId, RoomId roomId, Instant now) {
        while (true) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            Ticket ticket = new Ticket(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), userId, roomId, now.plus(LIFETIME));
            String stored = userId.value() + "|" + roomId.value() + "|" + ticket.expiresAt();
            if ("OK".equals(redis.set(key(ticket.value()), stored, SetParams.setParams().nx().ex(LIFETIME.toSeconds())))) {
                return ticket;
            }
        }
    }

    @Override
    public Optional<Ticket> redeem(String value, Instant now) {
        if (value == null || value.isEmpty() || value.length() > 100) {
            return Optional.empty();
        }
        String stored = redis.getDel(key(value));
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.split("\\|", 3);
        Ticket ticket = new Ticket(value, new UserId(parts[0]), new RoomId(parts[1]), Instant.parse(parts[2]));
        return ticket.expiresAt().isAfter(now) ? Optional.of(ticket) : Optional.empty();
    }

    private String key(String value) {
        return prefix + "ticket:" + value;
    }
}
