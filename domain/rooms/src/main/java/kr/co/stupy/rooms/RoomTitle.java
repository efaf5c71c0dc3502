package kr.co.stupy.rooms;

import kr.co.stupy.shared.Validation;

/** What a room is called: 1–30 characters, trimmed, on one line. */
public record RoomTitle(String value) {

    public static final int MAX_LENGTH = 30;

    public RoomTitle {
        value = value == null ? null : value.strip();
        new Validation()
                .length(value, "title", 1, MAX_LENGTH)
                .check(value == null || Validation.printable(value, false), "title", "must not contain control characters")
                .throwIfFailed();
    }

    @Override
    public String toString() {
        return value;
    }
}
