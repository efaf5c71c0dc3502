package kr.co.stupy.chat;

import kr.co.stupy.shared.Validation;

/** What a member wrote in a room's chat: 1–1000 characters; line breaks are fine, other control characters are not. */
public record MessageText(String value) {

    public static final int MAX_LENGTH = 1000;

    public MessageText {
        new Validation()
                .length(value == null ? null : value.strip().isEmpty() ? "" : value, "text", 1, MAX_LENGTH)
                .check(value == null || Validation.printable(value, true), "text", "must not contain control characters")
                .throwIfFailed();
    }
}
