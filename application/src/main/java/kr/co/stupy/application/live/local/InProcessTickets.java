package kr.co.stupy.application.live.local;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Tickets of a single node, in memory; expired ones are swept whenever a ticket is issued. */
public final class InProcessTickets implements LiveTickets {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    @Override
    public Ticket issue(UserId userId, RoomId roomId, Instant now) {
        tickets.values().removeIf(t -> !t.expiresAt().isAfter(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Ticket ticket = new Ticket(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), userId, roomId, now.plus(LIFETIME));
        tickets.put(ticket.value(), ticket);
        return ticket;
    }

    @Override
    public Optional<Ticket> redeem(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tickets.remove(value)).filter(t -> t.expiresAt().isAfter(now));
    }
}
