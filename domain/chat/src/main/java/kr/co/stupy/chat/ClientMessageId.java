package kr.co.stupy.chat;

import java.util.regex.Pattern;
import kr.co.stupy.shared.InvalidInputException;

/** The id a client gives its message (a UUID, or any 1–64 URL-safe characters), so a resend is recognised. */
public record ClientMessageId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ClientMessageId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw InvalidInputException.of("clientMsgId", "must be 1 to 64 letters, digits, '-' or '_'");
        }
    }
}
