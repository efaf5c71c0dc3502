package kr.co.stupy.rooms;

import java.util.Locale;
import kr.co.stupy.shared.InvalidInputException;

/**
 * The start of a tag someone is typing: folded and without {@code #} like a {@link Hashtag}, but
 * possibly empty (then every tag starts with it). Compared as text only, never read as a pattern.
 */
public record HashtagPrefix(String value) {

    public static final HashtagPrefix ANY = new HashtagPrefix("");

    public HashtagPrefix {
        value = value == null ? "" : value.strip();
        if (value.startsWith("#")) {
            value = value.substring(1);
        }
        value = value.toLowerCase(Locale.ROOT);
        if (value.codePointCount(0, value.length()) > Hashtag.MAX_LENGTH) {
            throw InvalidInputException.of("prefix", "a tag has at most " + Hashtag.MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == '#')) {
            throw InvalidInputException.of("prefix", "a tag has no spaces");
        }
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public boolean startsOf(Hashtag tag) {
        return tag.value().startsWith(value);
    }
}
