package kr.co.stupy.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.co.stupy.shared.InvalidInputException;

/** An e-mail address as users type them: one {@code @}, a dotted domain, at most 254 characters. */
public record Email(String value) {

    // A fixed, linear pattern (no nested quantifiers), applied to at most 254 characters.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public Email {
        value = value == null ? null : value.strip();
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw InvalidInputException.of("email", "must be an e-mail address");
        }
        int at = value.indexOf('@');
        value = value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT);
    }

    /** A provider's e-mail if it is one; providers sometimes send junk, which we then leave out. */
    public static Optional<Email> lenient(String raw) {
        try {
            return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(new Email(raw));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
