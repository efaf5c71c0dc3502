package kr.co.stupy.rooms;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import kr.co.stupy.shared.RoomId;

/**
 * One place a user holds in a room (see {@link RoomQuotas}): which room, an id that tells it from
 * every other hold, and when it was taken. A hold stored before holds had a time reads as taken
 * at {@link #UNKNOWN_TIME}, so it counts as long ago.
 */
public record RoomHold(RoomId room, String id, Instant takenAt) {

    /** The time of a hold whose time was never stored. */
    public static final Instant UNKNOWN_TIME = Instant.EPOCH;

    public RoomHold {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(takenAt, "takenAt");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a hold needs an id");
        }
    }

    /** A new hold on {@code room} taken at {@code takenAt}, with a fresh id. */
    public static RoomHold take(RoomId room, Instant takenAt) {
        return new RoomHold(room, UUID.randomUUID().toString(), takenAt);
    }
}
