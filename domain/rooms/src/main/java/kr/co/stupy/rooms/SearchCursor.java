package kr.co.stupy.rooms;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;

/**
 * Where a page of a room search ended: the last room's sort number and id, for one order. Clients
 * see it as an opaque base64url string; one made for another order is refused.
 */
public record SearchCursor(RoomSort sort, long key, RoomId lastId) {

    private static final String VERSION = "r1";

    public static SearchCursor after(RoomSort sort, Room room) {
        return new SearchCursor(sort, sort.sortKey(room), room.id());
    }

    public String encode() {
        String plain = VERSION + "|" + sort.key() + "|" + key + "|" + lastId.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor a client sent back; anything that is not one of ours for this order is invalid input. */
    public static SearchCursor decode(String encoded, RoomSort expectedSort) {
        try {
            if (encoded.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(expectedSort.key())) {
                throw new IllegalArgumentException("not a cursor of this search");
            }
            return new SearchCursor(expectedSort, Long.parseLong(parts[2]), new RoomId(parts[3]));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("cursor", "is not a cursor of this search");
        }
    }

    /** True when {@code room} comes after this cursor in the order (key descending, then id descending). */
    public boolean precedes(Room room) {
        long roomKey = sort.sortKey(room);
        return roomKey < key || roomKey == key && room.id().value().compareTo(lastId.value()) < 0;
    }
}
