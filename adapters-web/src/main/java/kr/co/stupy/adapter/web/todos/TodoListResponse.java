package kr.co.stupy.adapter.web.todos;

import java.time.Instant;
import java.util.List;
import kr.co.stupy.todos.TodoList;

/** {@code TodoList} of the contract, its todos in the order they were added. */
public record TodoListResponse(String id, String title, List<TodoResponse> todos, Instant createdAt) {

    public static TodoListResponse of(TodoList list) {
        return new TodoListResponse(list.id().value(), list.title().value(),
                list.todos().stream().map(TodoResponse::of).toList(), list.createdAt());
    }
}
