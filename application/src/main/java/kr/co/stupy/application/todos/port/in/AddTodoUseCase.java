package kr.co.stupy.application.todos.port.in;

import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.Todo;
import kr.co.stupy.todos.TodoContent;
import kr.co.stupy.todos.TodoListId;

/** Appends an open todo to one's own list; a full list fails with {@code TODO_LIMIT}. */
public interface AddTodoUseCase {

    record AddTodoCommand(UserId owner, TodoListId listId, TodoContent content) {
        public AddTodoCommand {
            if (owner == null || listId == null || content == null) {
                throw new IllegalArgumentException("a new todo names the owner, the list and the content");
            }
        }
    }

    Todo add(AddTodoCommand command);
}
