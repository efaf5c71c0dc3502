package kr.co.stupy.rooms;

import java.util.Locale;
import java.util.Optional;

/**
 * The orders of a room search. Each sorts by one number, largest first, and then by id (newest
 * first), so a cursor of (number, id) continues exactly where a page ended.
 */
public enum RoomSort {
    /** Newest first. */
    LATEST,
    /** Most members first. */
    POPULAR,
    /** Only rooms with a free seat, newest first. */
    OPEN,
    /** Most study time first. */
    STUDIED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RoomSort> fromKey(String key) {
        for (RoomSort sort : values()) {
            if (sort.key().equals(key)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    /** The number this order sorts {@code room} by. */
    public long sortKey(Room room) {
        return switch (this) {
            case LATEST, OPEN -> room.createdAt().toEpochMilli();
            case POPULAR -> room.memberCount();
            case STUDIED -> room.totalStudySeconds();
        };
    }
}
