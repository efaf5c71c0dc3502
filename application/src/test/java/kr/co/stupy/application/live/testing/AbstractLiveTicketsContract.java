package kr.co.stupy.application.live.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LiveTickets} promises. Extend it once per implementation. */
public abstract class AbstractLiveTicketsContract {

    protected static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    protected LiveTickets tickets;
    protected final UserId kim = UserId.newId();
    protected final RoomId room = RoomId.newId();

    protected abstract LiveTickets createTickets();

    @BeforeEach
    void setUpTickets() {
        tickets = createTickets();
    }

    @Test
    void aTicketIsRedeemedOnceWithinSixtySeconds() {
        LiveTickets.Ticket ticket = tickets.issue(kim, room, T0);
        assertEquals(T0.plusSeconds(60), ticket.expiresAt());
        assertTrue(ticket.value().length() >= 32);
        assertNotEquals(ticket.value(), tickets.issue(kim, room, T0).value());

        assertEquals(Optional.of(ticket), tickets.redeem(ticket.value(), T0.plusSeconds(59)));
        assertEquals(Optional.empty(), tickets.redeem(ticket.value(), T0.plusSeconds(59)));
    }

    @Test
    void expiredAndUnknownTicketsAreWorthNothing() {
        LiveTickets.Ticket ticket = tickets.issue(kim, room, T0);
        assertEquals(Optional.empty(), tickets.redeem(ticket.value(), T0.plusSeconds(60)));
        assertEquals(Optional.empty(), tickets.redeem("made-up", T0));
        assertEquals(Optional.empty(), tickets.redeem(null, T0));
    }

    @Test
    void parallelRedeemsOfOneTicketSucceedOnce() {
        LiveTickets.Ticket ticket = tickets.issue(kim, room, T0);
        var redeemed = Parallel.run(16, i -> tickets.redeem(ticket.value(), T0.plusSeconds(1)));
        assertEquals(1, redeemed.stream().filter(Optional::isPresent).count());
    }
}
