package kr.co.stupy.application.rooms.service;

import java.time.Duration;
import java.util.List;
import kr.co.stupy.application.rooms.port.in.LeaveAllRoomsUseCase;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.UserId;

/**
 * A deleted account leaves every room the ordinary way, so ownership passes on and a room it was
 * last in is deleted; and no creation or join racing the deletion may seat it afterwards.
 *
 * <p>Without transactions this rests on the holds of {@link RoomQuotas}: every seat is covered by a
 * hold from before it is taken until after it is gone. The account is closed there first, so no
 * hold is granted any more (a creation or join not yet holding is refused). Then the user leaves
 * every room they are in, and the holds are read: a hold left is a creation or join that got its
 * hold before the close and is about to seat or give it back. It is waited for, and the rooms are
 * looked at again, until the user holds nothing; then no room has them, and none ever will. A hold
 * a dead process leaked is given back once old, as a refused join does. Running it again after a
 * failure half way simply continues.
 */
public final class AccountRoomsService implements LeaveAllRoomsUseCase {

    /** How long a deletion waits for creations and joins on their way before it answers 503 BUSY. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(5);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(200);

    private final Rooms rooms;
    private final RoomQuotas quotas;
    private final RoomMembershipService membership;
    private final Duration inFlightWait;

    public AccountRoomsService(Rooms rooms, RoomQuotas quotas, RoomMembershipService membership) {
        this(rooms, quotas, membership, IN_FLIGHT_WAIT);
    }

    AccountRoomsService(Rooms rooms, RoomQuotas quotas, RoomMembershipService membership, Duration inFlightWait) {
        this.rooms = rooms;
        this.quotas = quotas;
        this.membership = membership;
        this.inFlightWait = inFlightWait;
    }

    @Override
    public void leaveAllRoomsOf(UserId userId) {
        quotas.close(userId);
        long deadline = System.nanoTime() + inFlightWait.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            leaveEveryRoom(userId);
            // Read after the rooms: a seat taken since is still covered by its hold, so it is not missed.
            List<RoomHold> held = quotas.holds(userId);
            if (held.isEmpty()) {
                return;
            }
            if (membership.releaseLeakedHolds(userId)) {
                continue;
            }
            if (System.nanoTime() - deadline > 0) {
                throw RetryLaterException.busy("rooms of this account are still being joined; ask again", Duration.ofSeconds(2));
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void leaveEveryRoom(UserId userId) {
        for (Room room : rooms.ofMember(userId)) {
            try {
                membership.leave(userId, room.id());
            } catch (DomainException e) {
                // Left or deleted meanwhile: that is what we wanted.
                if (!e.code().equals("NOT_MEMBER") && !e.code().equals("ROOM_NOT_FOUND")) {
                    throw e;
                }
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for joins on their way", e);
        }
    }
}
