package kr.co.stupy.application.todos.port.in;

import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.TodoListId;

/** Deletes one's own list with all its todos; anyone else's list is {@code TODO_LIST_NOT_FOUND}. */
public interface DeleteTodoListUseCase {

    record DeleteTodoListCommand(UserId owner, TodoListId listId) {
        public DeleteTodoListCommand {
            if (owner == null || listId == null) {
                throw new IllegalArgumentException("a deletion names the owner and the list");
            }
        }
    }

    void delete(DeleteTodoListCommand command);
}
