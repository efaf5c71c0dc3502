package kr.co.stupy.application.todos.service;

import java.time.Clock;
import java.util.List;
import kr.co.stupy.application.todos.port.in.AddTodoUseCase;
import kr.co.stupy.application.todos.port.in.CreateTodoListUseCase;
import kr.co.stupy.application.todos.port.in.DeleteTodoListUseCase;
import kr.co.stupy.application.todos.port.in.EditTodoUseCase;
import kr.co.stupy.application.todos.port.in.ForgetAccountTodosUseCase;
import kr.co.stupy.application.todos.port.in.ListTodoListsQuery;
import kr.co.stupy.application.todos.port.in.RemoveTodoUseCase;
import kr.co.stupy.application.todos.port.in.RenameTodoListUseCase;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.Todo;
import kr.co.stupy.todos.TodoErrors;
import kr.co.stupy.todos.TodoList;
import kr.co.stupy.todos.TodoListId;
import kr.co.stupy.todos.TodoLists;

/**
 * The todo use cases. The limits and the one-time first list are kept by the store's atomic
 * operations, not by reading first and writing after, so parallel requests cannot get around them.
 */
public final class TodoListService implements ListTodoListsQuery, CreateTodoListUseCase, RenameTodoListUseCase,
        DeleteTodoListUseCase, AddTodoUseCase, EditTodoUseCase, RemoveTodoUseCase, ForgetAccountTodosUseCase {

    private final TodoLists lists;
    private final Clock clock;

    public TodoListService(TodoLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @Override
    public List<TodoList> listsOf(UserId owner) {
        lists.startWith(TodoList.createDefault(owner, clock.instant()));
        return lists.ofOwner(owner);
    }

    @Override
    public TodoList create(CreateTodoListCommand command) {
        TodoList list = TodoList.create(command.owner(), command.title(), clock.instant());
        if (!lists.add(list)) {
            throw TodoErrors.listLimit();
        }
        return list;
    }

    @Override
    public TodoList rename(RenameTodoListCommand command) {
        return lists.rename(command.owner(), command.listId(), command.title()).orElseThrow(TodoErrors::listNotFound);
    }

    @Override
    public void delete(DeleteTodoListCommand command) {
        if (!lists.delete(command.owner(), command.listId())) {
            throw TodoErrors.listNotFound();
        }
    }

    @Override
    public Todo add(AddTodoCommand command) {
        Todo todo = Todo.create(command.content(), clock.instant());
        return switch (lists.addTodo(command.owner(), command.listId(), todo)) {
            case ADDED -> todo;
            case LIST_FULL -> throw TodoErrors.todoLimit();
            case NO_SUCH_LIST -> throw TodoErrors.listNotFound();
        };
    }

    @Override
    public Todo edit(EditTodoCommand command) {
        return lists.editTodo(command.owner(), command.listId(), command.todoId(), command.edit())
                .orElseThrow(() -> missing(command.owner(), command.listId()));
    }

    @Override
    public void remove(RemoveTodoCommand command) {
        if (!lists.removeTodo(command.owner(), command.listId(), command.todoId())) {
            throw missing(command.owner(), command.listId());
        }
    }

    @Override
    public void forgetTodosOf(UserId owner) {
        lists.deleteAllOf(owner);
    }

    /** Which of the two was missing, so the client's error names the right thing. */
    private DomainException missing(UserId owner, TodoListId listId) {
        return lists.byId(owner, listId).isPresent() ? TodoErrors.todoNotFound() : TodoErrors.listNotFound();
    }
}
