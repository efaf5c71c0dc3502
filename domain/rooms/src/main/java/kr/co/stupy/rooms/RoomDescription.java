package kr.co.stupy.rooms;

import kr.co.stupy.shared.Validation;

/** What a room is for: 1–300 characters, trimmed; line breaks are allowed. */
public record RoomDescription(String value) {

    public static final int MAX_LENGTH = 300;

    public RoomDescription {
        value = value == null ? null : value.strip();
        new Validation()
                .length(value, "description", 1, MAX_LENGTH)
                .check(value == null || Validation.printable(value, true), "description", "must not contain control characters")
                .throwIfFailed();
    }

    @Override
    public String toString() {
        return value;
    }
}
