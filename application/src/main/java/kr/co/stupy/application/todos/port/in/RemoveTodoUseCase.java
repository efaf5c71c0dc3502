package kr.co.stupy.application.todos.port.in;

import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.TodoId;
import kr.co.stupy.todos.TodoListId;

/** Removes one todo from one's own list. */
public interface RemoveTodoUseCase {

    record RemoveTodoCommand(UserId owner, TodoListId listId, TodoId todoId) {
        public RemoveTodoCommand {
            if (owner == null || listId == null || todoId == null) {
                throw new IllegalArgumentException("a removal names the owner, the list and the todo");
            }
        }
    }

    void remove(RemoveTodoCommand command);
}
