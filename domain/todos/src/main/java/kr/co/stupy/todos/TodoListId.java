package kr.co.stupy.todos;

import java.util.Optional;
import kr.co.stupy.shared.Ids;

/** Identifies one todo list. */
public record TodoListId(String value) {

    public TodoListId {
        if (!Ids.isWellFormed(value)) {
            throw new IllegalArgumentException("not a todo list id");
        }
    }

    public static TodoListId newId() {
        return new TodoListId(Ids.newId());
    }

    /** Parses an id that came from outside; a malformed one is simply an unknown list. */
    public static Optional<TodoListId> parse(String value) {
        return Ids.isWellFormed(value) ? Optional.of(new TodoListId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
