package kr.co.stupy.identity;

import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.Validation;

/** What other students see: 1–20 characters, trimmed, no control characters. */
public record Nickname(String value) {

    public static final int MAX_LENGTH = 20;

    public Nickname {
        if (value != null) {
            value = value.strip();
        }
        new Validation()
                .length(value, "nickname", 1, MAX_LENGTH)
                .check(value == null || Validation.printable(value, false), "nickname", "must not contain control characters")
                .throwIfFailed();
    }

    /** A nickname built from a provider's profile, shortened or replaced so it always fits. */
    public static Nickname fromProvider(String raw, String fallback) {
        String cleaned = raw == null ? "" : raw.strip().codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .limit(MAX_LENGTH)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        try {
            return new Nickname(cleaned.isEmpty() ? fallback : cleaned);
        } catch (InvalidInputException e) {
            return new Nickname(fallback);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
