package kr.co.stupy.adapter.web.todos;

import java.time.Instant;
import kr.co.stupy.todos.Todo;

/** {@code Todo} of the contract. */
public record TodoResponse(String id, String content, boolean done, Instant createdAt) {

    public static TodoResponse of(Todo todo) {
        return new TodoResponse(todo.id().value(), todo.content().value(), todo.done(), todo.createdAt());
    }
}
