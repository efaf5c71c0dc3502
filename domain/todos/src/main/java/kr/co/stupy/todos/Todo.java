package kr.co.stupy.todos;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One thing to do, and whether it is done. */
public record Todo(TodoId id, TodoContent content, boolean done, Instant createdAt) {

    public Todo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new, open todo. Stores keep milliseconds, so it is made at that precision and reloads compare equal. */
    public static Todo create(TodoContent content, Instant now) {
        return new Todo(TodoId.newId(), content, false, now.truncatedTo(ChronoUnit.MILLIS));
    }

    public Todo apply(TodoEdit edit) {
        return new Todo(id, edit.content().orElse(content), edit.done().orElse(done), createdAt);
    }
}
