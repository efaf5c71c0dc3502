package kr.co.stupy.rooms;

import java.util.Locale;
import kr.co.stupy.shared.Validation;

/**
 * What a user typed to find rooms: 1–100 characters, matched as a plain, case-insensitive
 * substring of a room's title, its description or its tags written as {@code #tag} (so "자격" and
 * "#자격" both find a room tagged 자격증). It is only ever compared as text, never read as a pattern
 * or a query.
 */
public record SearchText(String value) {

    public static final int MAX_LENGTH = 100;

    public SearchText {
        value = value == null ? null : value.strip();
        new Validation()
                .length(value, "q", 1, MAX_LENGTH)
                .check(value == null || Validation.printable(value, false), "q", "must not contain control characters")
                .throwIfFailed();
        value = fold(value);
    }

    /** The one case folding used for both the stored text and the searched text. */
    public static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The text a room is searched in: its title, description and {@code #tags}, folded, one per line. */
    public static String searchable(Room room) {
        StringBuilder text = new StringBuilder(fold(room.title().value())).append('\n').append(fold(room.description().value()));
        room.hashtags().forEach(tag -> text.append("\n#").append(tag.value()));
        return text.toString();
    }

    public boolean matches(Room room) {
        return searchable(room).contains(value);
    }
}
