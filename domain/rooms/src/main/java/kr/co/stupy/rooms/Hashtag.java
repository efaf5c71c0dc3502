package kr.co.stupy.rooms;

import java.util.Locale;
import kr.co.stupy.shared.InvalidInputException;

/** A room's tag as stored: without a leading {@code #}, lower-cased, 1–20 characters, no white space. */
public record Hashtag(String value) {

    public static final int MAX_LENGTH = 20;

    public Hashtag {
        if (value == null) {
            throw InvalidInputException.of("hashtags", "a hashtag is required");
        }
        value = value.strip();
        if (value.startsWith("#")) {
            value = value.substring(1);
        }
        value = value.toLowerCase(Locale.ROOT);
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw InvalidInputException.of("hashtags", "each hashtag must be 1 to " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == '#')) {
            throw InvalidInputException.of("hashtags", "a hashtag has no spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
