package kr.co.stupy.todos;

import kr.co.stupy.shared.Validation;

/** What is to be done: 1–500 characters, trimmed, no control characters (a todo is one line). */
public record TodoContent(String value) {

    public TodoContent {
        if (value != null) {
            value = value.strip();
        }
        new Validation()
                .length(value, "content", 1, TodoLimits.MAX_CONTENT_LENGTH)
                .check(value == null || Validation.printable(value, false), "content", "must not contain control characters")
                .throwIfFailed();
    }

    @Override
    public String toString() {
        return value;
    }
}
