package kr.co.stupy.application.todos.port.in;

import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.ListTitle;
import kr.co.stupy.todos.TodoList;
import kr.co.stupy.todos.TodoListId;

/** Gives one's own list a new title; anyone else's list is {@code TODO_LIST_NOT_FOUND}. */
public interface RenameTodoListUseCase {

    record RenameTodoListCommand(UserId owner, TodoListId listId, ListTitle title) {
        public RenameTodoListCommand {
            if (owner == null || listId == null || title == null) {
                throw new IllegalArgumentException("a rename names the owner, the list and the title");
            }
        }
    }

    TodoList rename(RenameTodoListCommand command);
}
