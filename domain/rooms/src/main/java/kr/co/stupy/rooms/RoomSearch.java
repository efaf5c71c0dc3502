package kr.co.stupy.rooms;

import java.util.Objects;
import java.util.Optional;

/**
 * What a room search asks for: an optional text, an optional tag, an order, and whether only rooms
 * one could join right now (a free seat and no password) are wanted.
 */
public record RoomSearch(Optional<SearchText> text, Optional<Hashtag> hashtag, RoomSort sort, boolean joinableOnly) {

    public RoomSearch {
        text = text == null ? Optional.empty() : text;
        hashtag = hashtag == null ? Optional.empty() : hashtag;
        Objects.requireNonNull(sort, "sort");
    }

    public RoomSearch(Optional<SearchText> text, Optional<Hashtag> hashtag, RoomSort sort) {
        this(text, hashtag, sort, false);
    }

    public static RoomSearch all(RoomSort sort) {
        return new RoomSearch(Optional.empty(), Optional.empty(), sort);
    }

    /** Whether {@code room} belongs in the result, whatever its position. */
    public boolean matches(Room room) {
        return text.map(t -> t.matches(room)).orElse(true)
                && hashtag.map(room.hashtags()::contains).orElse(true)
                && (sort != RoomSort.OPEN || room.hasFreeSeat())
                && (!joinableOnly || room.joinableByAnyone());
    }
}
