package kr.co.stupy.application.todos.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import kr.co.stupy.application.todos.port.in.AddTodoUseCase.AddTodoCommand;
import kr.co.stupy.application.todos.port.in.CreateTodoListUseCase.CreateTodoListCommand;
import kr.co.stupy.application.todos.port.in.DeleteTodoListUseCase.DeleteTodoListCommand;
import kr.co.stupy.application.todos.port.in.EditTodoUseCase.EditTodoCommand;
import kr.co.stupy.application.todos.port.in.RemoveTodoUseCase.RemoveTodoCommand;
import kr.co.stupy.application.todos.port.in.RenameTodoListUseCase.RenameTodoListCommand;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.InMemoryTodoLists;
import kr.co.stupy.todos.ListTitle;
import kr.co.stupy.todos.Todo;
import kr.co.stupy.todos.TodoContent;
import kr.co.stupy.todos.TodoEdit;
import kr.co.stupy.todos.TodoId;
import kr.co.stupy.todos.TodoLimits;
import kr.co.stupy.todos.TodoList;
import kr.co.stupy.todos.TodoListId;
import org.junit.jupiter.api.Test;

class TodoListServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00.123Z");
    private final InMemoryTodoLists store = new InMemoryTodoLists();
    private final TodoListService service = new TodoListService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final UserId kim = UserId.newId();
    private final UserId lee = UserId.newId();

    private static void assertFails(String code, Runnable action) {
        assertEquals(code, assertThrows(DomainException.class, action::run).code());
    }

    @Test
    void theFirstReadGivesTheDefaultListOnlyOnce() {
        List<TodoList> first = service.listsOf(kim);
        assertEquals(1, first.size());
        assertEquals(TodoLimits.DEFAULT_LIST_TITLE, first.getFirst().title().value());
        assertEquals(NOW, first.getFirst().createdAt());

        assertEquals(first, service.listsOf(kim));
        service.delete(new DeleteTodoListCommand(kim, first.getFirst().id()));
        assertEquals(List.of(), service.listsOf(kim));
    }

    @Test
    void theEleventhListIsAListLimitConflict() {
        service.listsOf(kim);
        IntStream.range(1, TodoLimits.MAX_LISTS_PER_USER)
                .forEach(i -> service.create(new CreateTodoListCommand(kim, new ListTitle("list " + i))));

        assertFails("LIST_LIMIT", () -> service.create(new CreateTodoListCommand(kim, new ListTitle("eleventh"))));
    }

    @Test
    void theFiftyFirstTodoIsATodoLimitConflict() {
        TodoList list = service.create(new CreateTodoListCommand(kim, new ListTitle("study")));
        IntStream.range(0, TodoLimits.MAX_TODOS_PER_LIST)
                .forEach(i -> service.add(new AddTodoCommand(kim, list.id(), new TodoContent("t" + i))));

        assertFails("TODO_LIMIT", () -> service.add(new AddTodoCommand(kim, list.id(), new TodoContent("one more"))));
    }

    @Test
    void anotherUsersListIsNotFoundForEveryOperation() {
        TodoList list = service.create(new CreateTodoListCommand(kim, new ListTitle("mine")));
        Todo todo = service.add(new AddTodoCommand(kim, list.id(), new TodoContent("read")));
        TodoEdit done = new TodoEdit(Optional.empty(), Optional.of(true));

        assertFails("TODO_LIST_NOT_FOUND", () -> service.rename(new RenameTodoListCommand(lee, list.id(), new ListTitle("x"))));
        assertFails("TODO_LIST_NOT_FOUND", () -> service.delete(new DeleteTodoListCommand(lee, list.id())));
        assertFails("TODO_LIST_NOT_FOUND", () -> service.add(new AddTodoCommand(lee, list.id(), new TodoContent("x"))));
        assertFails("TODO_LIST_NOT_FOUND", () -> service.edit(new EditTodoCommand(lee, list.id(), todo.id(), done)));
        assertFails("TODO_LIST_NOT_FOUND", () -> service.remove(new RemoveTodoCommand(lee, list.id(), todo.id())));
        assertEquals(List.of(todo), store.byId(kim, list.id()).orElseThrow().todos());
    }

    @Test
    void anUnknownTodoInOnesOwnListIsTodoNotFound() {
        TodoList list = service.create(new CreateTodoListCommand(kim, new ListTitle("mine")));
        TodoEdit done = new TodoEdit(Optional.empty(), Optional.of(true));

        assertFails("TODO_NOT_FOUND", () -> service.edit(new EditTodoCommand(kim, list.id(), TodoId.newId(), done)));
        assertFails("TODO_NOT_FOUND", () -> service.remove(new RemoveTodoCommand(kim, list.id(), TodoId.newId())));
        assertFails("TODO_LIST_NOT_FOUND", () -> service.remove(new RemoveTodoCommand(kim, TodoListId.newId(), TodoId.newId())));
    }

    @Test
    void editsRenamesAndRemoves() {
        TodoList list = service.create(new CreateTodoListCommand(kim, new ListTitle("old")));
        Todo todo = service.add(new AddTodoCommand(kim, list.id(), new TodoContent("read")));

        Todo edited = service.edit(new EditTodoCommand(kim, list.id(), todo.id(),
                new TodoEdit(Optional.of(new TodoContent("read more")), Optional.of(true))));
        TodoList renamed = service.rename(new RenameTodoListCommand(kim, list.id(), new ListTitle("new")));

        assertEquals(new Todo(todo.id(), new TodoContent("read more"), true, NOW), edited);
        assertEquals("new", renamed.title().value());
        assertEquals(List.of(edited), renamed.todos());
        service.remove(new RemoveTodoCommand(kim, list.id(), todo.id()));
        assertTrue(store.byId(kim, list.id()).orElseThrow().todos().isEmpty());
    }

    @Test
    void aDeletedAccountLosesItsListsAndNobodyElseDoes() {
        service.listsOf(kim);
        service.create(new CreateTodoListCommand(kim, new ListTitle("more")));
        List<TodoList> lees = service.listsOf(lee);

        service.forgetTodosOf(kim);

        assertEquals(List.of(), store.ofOwner(kim));
        assertEquals(lees, store.ofOwner(lee));
    }
}
