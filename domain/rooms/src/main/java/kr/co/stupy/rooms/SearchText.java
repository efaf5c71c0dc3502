package kr.co.stupy.rooms;

import java.util.Locale;
import kr.co.stupy.shared.Validation;

/**
 * What a user typed to find rooms: 1–100 characters, matched as a plain, case-insensitive
 * substring of a room's title or description. It is only ever compared as text, never read as a
 * pattern or a query.
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

    /** The text a room is searched in: its title and description, folded. */
    public static String searchable(Room room) {
        return fold(room.title().value()) + "\n" + fold(room.description().value());
    }

    public boolean matches(Room room) {
        return searchable(room).contains(value);
    }
}
