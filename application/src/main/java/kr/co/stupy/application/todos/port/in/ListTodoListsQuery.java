package kr.co.stupy.application.todos.port.in;

import java.util.List;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.TodoList;

/** A user's todo lists, oldest first. The very first read gives a new user the list "오늘 할 일". */
public interface ListTodoListsQuery {
    List<TodoList> listsOf(UserId owner);
}
