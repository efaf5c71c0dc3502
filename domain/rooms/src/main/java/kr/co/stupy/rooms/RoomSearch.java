package kr.co.stupy.rooms;

import java.util.Objects;
import java.util.Optional;

/** What a room search asks for: an optional text, an optional tag, and an order. */
public record RoomSearch(Optional<SearchText> text, Optional<Hashtag> hashtag, RoomSort sort) {

    public RoomSearch {
        text = text == null ? Optional.empty() : text;
        hashtag = hashtag == null ? Optional.empty() : hashtag;
        Objects.requireNonNull(sort, "sort");
    }

    public static RoomSearch all(RoomSort sort) {
        return new RoomSearch(Optional.empty(), Optional.empty(), sort);
    }

    /** Whether {@code room} belongs in the result, whatever its position. */
    public boolean matches(Room room) {
        return text.map(t -> t.matches(room)).orElse(true)
                && hashtag.map(room.hashtags()::contains).orElse(true)
                && (sort != RoomSort.OPEN || room.hasFreeSeat());
    }
}
