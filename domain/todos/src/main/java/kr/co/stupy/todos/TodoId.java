package kr.co.stupy.todos;

import java.util.Optional;
import kr.co.stupy.shared.Ids;

/** Identifies one todo inside its list. */
public record TodoId(String value) {

    public TodoId {
        if (!Ids.isWellFormed(value)) {
            throw new IllegalArgumentException("not a todo id");
        }
    }

    public static TodoId newId() {
        return new TodoId(Ids.newId());
    }

    /** Parses an id that came from outside; a malformed one is simply an unknown todo. */
    public static Optional<TodoId> parse(String value) {
        return Ids.isWellFormed(value) ? Optional.of(new TodoId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
