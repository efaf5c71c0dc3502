package kr.co.stupy.rooms;

import java.util.Comparator;
import java.util.Objects;

/** A tag and how many rooms carry it now, for suggesting tags to someone searching. */
public record HashtagUse(Hashtag tag, long rooms) {

    /** The one order of suggestions every store answers in: the most used first, among equals by tag. */
    public static final Comparator<HashtagUse> ORDER = Comparator.comparingLong(HashtagUse::rooms).reversed()
            .thenComparing(use -> use.tag().value());

    public HashtagUse {
        Objects.requireNonNull(tag, "tag");
        if (rooms < 1) {
            throw new IllegalArgumentException("a tag in use is on at least one room");
        }
    }
}
