package kr.co.stupy.application.rooms.service;

import java.util.function.UnaryOperator;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RoomId;

/**
 * Changes to rooms without transactions. Each change reads the room, lets the room decide, and
 * writes the result only if nobody wrote the room meanwhile (else it reads again and decides
 * again), up to {@link #MAX_ATTEMPTS} times.
 */
final class RoomUpdates {

    /** Enough for every member of a full room to have changed it once in between; after that, 409 ROOM_BUSY. */
    private static final int MAX_ATTEMPTS = 100;

    private final Rooms rooms;

    RoomUpdates(Rooms rooms) {
        this.rooms = rooms;
    }

    Room load(RoomId roomId) {
        return rooms.byId(roomId).orElseThrow(RoomErrors::notFound);
    }

    /** The room as {@code decision} leaves it, written unless the decision changed nothing. */
    Room change(RoomId roomId, UnaryOperator<Room> decision) {
        for (int attempt = 0; ; attempt++) {
            Room before = load(roomId);
            Room after = decision.apply(before);
            if (after.equals(before) || rooms.update(before, after)) {
                return after;
            }
            checkAttempts(attempt);
        }
    }

    /** Called after a lost write: refuses with {@code ROOM_BUSY} once the attempts are spent. */
    static void checkAttempts(int attempt) {
        if (attempt + 1 >= MAX_ATTEMPTS) {
            throw busy();
        }
    }

    static DomainException busy() {
        return DomainException.conflict("ROOM_BUSY", "the room is changing too fast right now; try again");
    }
}
