package kr.co.stupy.rooms;

import kr.co.stupy.shared.Validation;

/**
 * A password as a person typed it, 4–10 characters. It only ever lives for one request: rooms keep
 * a {@link PasswordHash}. Not trimmed, because spaces a person typed are part of what they chose.
 */
public record RoomPassword(String value) {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 10;

    public RoomPassword {
        new Validation()
                .length(value, "password", MIN_LENGTH, MAX_LENGTH)
                .check(value == null || Validation.printable(value, false), "password", "must not contain control characters")
                .throwIfFailed();
    }

    @Override
    public String toString() {
        return "RoomPassword[******]";
    }
}
