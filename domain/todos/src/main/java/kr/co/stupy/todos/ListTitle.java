package kr.co.stupy.todos;

import kr.co.stupy.shared.Validation;

/** The name of a todo list: 1–100 characters, trimmed, no control characters. */
public record ListTitle(String value) {

    public ListTitle {
        if (value != null) {
            value = value.strip();
        }
        new Validation()
                .length(value, "title", 1, TodoLimits.MAX_TITLE_LENGTH)
                .check(value == null || Validation.printable(value, false), "title", "must not contain control characters")
                .throwIfFailed();
    }

    @Override
    public String toString() {
        return value;
    }
}
