package kr.co.stupy.application.todos.port.in;

import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.Todo;
import kr.co.stupy.todos.TodoEdit;
import kr.co.stupy.todos.TodoId;
import kr.co.stupy.todos.TodoListId;

/** Changes the content or the done flag of one todo of one's own list. */
public interface EditTodoUseCase {

    record EditTodoCommand(UserId owner, TodoListId listId, TodoId todoId, TodoEdit edit) {
        public EditTodoCommand {
            if (owner == null || listId == null || todoId == null || edit == null) {
                throw new IllegalArgumentException("an edit names the owner, the list, the todo and the change");
            }
        }
    }

    Todo edit(EditTodoCommand command);
}
