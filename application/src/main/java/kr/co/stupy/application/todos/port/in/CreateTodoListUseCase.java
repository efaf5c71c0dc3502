package kr.co.stupy.application.todos.port.in;

import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.ListTitle;
import kr.co.stupy.todos.TodoList;

/** Starts a new, empty list; at the limit of lists it fails with {@code LIST_LIMIT}. */
public interface CreateTodoListUseCase {

    record CreateTodoListCommand(UserId owner, ListTitle title) {
        public CreateTodoListCommand {
            if (owner == null || title == null) {
                throw new IllegalArgumentException("a new list names its owner and title");
            }
        }
    }

    TodoList create(CreateTodoListCommand command);
}
