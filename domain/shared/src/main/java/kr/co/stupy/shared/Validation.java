package kr.co.stupy.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of one input before failing, so a client learns about all of its
 * mistakes at once instead of one per round trip.
 */
public final class Validation {

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new InvalidInputException.FieldError(field, message));
        }
        return this;
    }

    /** Checks a text's length in Unicode code points (what a person counts), after the caller trimmed it. */
    public Validation length(String value, String field, int min, int max) {
        if (value == null) {
            return check(min == 0, field, "is required");
        }
        int length = value.codePointCount(0, value.length());
        return check(length >= min && length <= max, field,
                min == max ? "must be " + min + " characters" : "must be " + min + " to " + max + " characters");
    }

    public Validation add(String field, String message) {
        return check(false, field, message);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    public void throwIfFailed() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** True when the text has no control characters (line breaks allowed only when asked for). */
    public static boolean printable(String value, boolean allowLineBreaks) {
        return value.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                && !(allowLineBreaks && (cp == '\n' || cp == '\r' || cp == '\t')));
    }
}
