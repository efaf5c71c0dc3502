package kr.co.stupy.application.live.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Single-use, short-lived permissions to open a live connection, so a token never travels in a WebSocket URL. */
public interface LiveTickets {

    Duration LIFETIME = Duration.ofSeconds(60);

    record Ticket(String value, UserId userId, RoomId roomId, Instant expiresAt) {
    }

    Ticket issue(UserId userId, RoomId roomId, Instant now);

    /** The ticket, once: a second redeem, an unknown or an expired ticket give nothing. */
    Optional<Ticket> redeem(String value, Instant now);
}
