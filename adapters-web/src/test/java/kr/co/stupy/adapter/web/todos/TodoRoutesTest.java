package kr.co.stupy.adapter.web.todos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.application.todos.port.in.AddTodoUseCase;
import kr.co.stupy.application.todos.port.in.CreateTodoListUseCase;
import kr.co.stupy.application.todos.port.in.DeleteTodoListUseCase;
import kr.co.stupy.application.todos.port.in.EditTodoUseCase;
import kr.co.stupy.application.todos.port.in.ListTodoListsQuery;
import kr.co.stupy.application.todos.port.in.RemoveTodoUseCase;
import kr.co.stupy.application.todos.port.in.RenameTodoListUseCase;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.ListTitle;
import kr.co.stupy.todos.Todo;
import kr.co.stupy.todos.TodoContent;
import kr.co.stupy.todos.TodoEdit;
import kr.co.stupy.todos.TodoErrors;
import kr.co.stupy.todos.TodoId;
import kr.co.stupy.todos.TodoList;
import kr.co.stupy.todos.TodoListId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class TodoRoutesTest {

    static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");
    static final ListTodoListsQuery list = mock(ListTodoListsQuery.class);
    static final CreateTodoListUseCase create = mock(CreateTodoListUseCase.class);
    static final RenameTodoListUseCase rename = mock(RenameTodoListUseCase.class);
    static final DeleteTodoListUseCase delete = mock(DeleteTodoListUseCase.class);
    static final AddTodoUseCase add = mock(AddTodoUseCase.class);
    static final EditTodoUseCase edit = mock(EditTodoUseCase.class);
    static final RemoveTodoUseCase remove = mock(RemoveTodoUseCase.class);

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new TodoRoutes(
            new TodoRoutes.UseCases(list, create, rename, delete, add, edit, remove), Json.mapper()));

    final UserId me = UserId.newId();
    final Todo open = new Todo(TodoId.newId(), new TodoContent("read chapter 3"), false, AT);
    final Todo done = new Todo(TodoId.newId(), new TodoContent("solve 1000"), true, AT.plusSeconds(60));
    final TodoList today = TodoList.restore(TodoListId.newId(), me, new ListTitle("오늘 할 일"), List.of(open, done), AT);
    final String listPath = "/api/todo-lists/" + today.id().value();
    final String todoPath = listPath + "/todos/" + open.id().value();

    @AfterEach
    void forget() {
        reset(list, create, rename, delete, add, edit, remove);
    }

    @Test
    void myListsAreTheContractsTodoListsWithTheirTodosInOrder() {
        when(list.listsOf(me)).thenReturn(List.of(today));
        JsonNode items = web.as(me).get("/api/todo-lists").ok(200).get("items");
        assertEquals(1, items.size());
        JsonNode first = items.get(0);
        assertEquals(List.of("createdAt", "id", "title", "todos"), Answer.fieldNames(first));
        assertEquals(today.id().value(), first.get("id").asText());
        assertEquals("오늘 할 일", first.get("title").asText());
        assertEquals("2026-11-24T09:00:00Z", first.get("createdAt").asText());
        JsonNode todo = first.get("todos").get(0);
        assertEquals(List.of("content", "createdAt", "done", "id"), Answer.fieldNames(todo));
        assertEquals(open.id().value(), todo.get("id").asText());
        assertEquals("read chapter 3", todo.get("content").asText());
        assertFalse(todo.get("done").asBoolean());
        assertTrue(first.get("todos").get(1).get("done").asBoolean());
    }

    @Test
    void aNewListIs201WithItsLocation() {
        TodoList fresh = TodoList.restore(TodoListId.newId(), me, new ListTitle("exam"), List.of(), AT);
        when(create.create(any())).thenReturn(fresh);
        Answer answer = web.as(me).post("/api/todo-lists", "{\"title\":\" exam \"}");
        verify(create).create(new CreateTodoListUseCase.CreateTodoListCommand(me, new ListTitle("exam")));
        JsonNode body = answer.ok(201);
        assertEquals("/api/todo-lists/" + fresh.id().value(), answer.header("Location"));
        assertEquals("exam", body.get("title").asText());
        assertEquals(0, body.get("todos").size());
    }

    @Test
    void anEleventhListIs409AndATitleThatBreaksTheRulesIs400() {
        when(create.create(any())).thenThrow(TodoErrors.listLimit());
        web.as(me).post("/api/todo-lists", "{\"title\":\"one more\"}").problem(409, "LIST_LIMIT");
        reset(create);
        assertEquals(List.of("title"), web.as(me).post("/api/todo-lists", "{}").invalidFields());
        assertEquals(List.of("title"), web.as(me).post("/api/todo-lists", "{\"title\":\"" + "t".repeat(101) + "\"}").invalidFields());
        assertEquals(List.of("title"), web.as(me).post("/api/todo-lists", "{\"title\":[\"a\"]}").invalidFields());
        verifyNoInteractions(create);
    }

    @Test
    void renamingAndDeletingAListNameItsOwnerAndId() {
        when(rename.rename(any())).thenReturn(today.rename(new ListTitle("tomorrow")));
        assertEquals("tomorrow", web.as(me).patch(listPath, "{\"title\":\"tomorrow\"}").ok(200).get("title").asText());
        verify(rename).rename(new RenameTodoListUseCase.RenameTodoListCommand(me, today.id(), new ListTitle("tomorrow")));

        assertEquals(204, web.as(me).delete(listPath).status());
        verify(delete).delete(new DeleteTodoListUseCase.DeleteTodoListCommand(me, today.id()));
    }

    @Test
    void someoneElsesListIs404() {
        UserId stranger = UserId.newId();
        when(rename.rename(any())).thenThrow(TodoErrors.listNotFound());
        web.as(stranger).patch(listPath, "{\"title\":\"mine\"}").problem(404, "TODO_LIST_NOT_FOUND");
        doThrow(TodoErrors.listNotFound()).when(delete).delete(any());
        web.as(stranger).delete(listPath).problem(404, "TODO_LIST_NOT_FOUND");
    }

    @Test
    void aNewTodoIs201WithItsLocationAndAFullListIs409() {
        Todo added = new Todo(TodoId.newId(), new TodoContent("review"), false, AT);
        when(add.add(any())).thenReturn(added);
        Answer answer = web.as(me).post(listPath + "/todos", "{\"content\":\"review \"}");
        verify(add).add(new AddTodoUseCase.AddTodoCommand(me, today.id(), new TodoContent("review")));
        JsonNode body = answer.ok(201);
        assertEquals(listPath + "/todos/" + added.id().value(), answer.header("Location"));
        assertEquals("review", body.get("content").asText());
        assertFalse(body.get("done").asBoolean());

        when(add.add(any())).thenThrow(TodoErrors.todoLimit());
        web.as(me).post(listPath + "/todos", "{\"content\":\"one too many\"}").problem(409, "TODO_LIMIT");
    }

    @Test
    void aTodoNeedsContent() {
        assertEquals(List.of("content"), web.as(me).post(listPath + "/todos", "{\"done\":true}").invalidFields());
        assertEquals(List.of("content"), web.as(me).post(listPath + "/todos", "{\"content\":\"line\\nbreak\"}").invalidFields());
        verifyNoInteractions(add);
    }

    @Test
    void anEditNamesOnlyWhatChanges() {
        when(edit.edit(any())).thenReturn(open.apply(new TodoEdit(Optional.empty(), Optional.of(true))));
        assertTrue(web.as(me).patch(todoPath, "{\"done\":true}").ok(200).get("done").asBoolean());
        verify(edit).edit(new EditTodoUseCase.EditTodoCommand(me, today.id(), open.id(),
                new TodoEdit(Optional.empty(), Optional.of(true))));
        web.as(me).patch(todoPath, "{\"content\":\"read chapter 4\"}").ok(200);
        verify(edit).edit(new EditTodoUseCase.EditTodoCommand(me, today.id(), open.id(),
                new TodoEdit(Optional.of(new TodoContent("read chapter 4")), Optional.empty())));
    }

    @Test
    void anEditThatChangesNothingOrRemovesAFieldIs400() {
        assertEquals(List.of("content"), web.as(me).patch(todoPath, "{}").invalidFields());
        assertEquals(List.of("done"), web.as(me).patch(todoPath, "{\"done\":\"yes\"}").invalidFields());
        assertEquals(List.of("content", "done"), web.as(me).patch(todoPath, "{\"content\":null,\"done\":null}").invalidFields());
        verifyNoInteractions(edit);
    }

    @Test
    void removingATodoIs204AndAnUnknownOneIs404() {
        assertEquals(204, web.as(me).delete(todoPath).status());
        verify(remove).remove(new RemoveTodoUseCase.RemoveTodoCommand(me, today.id(), open.id()));
        doThrow(TodoErrors.todoNotFound()).when(remove).remove(any());
        web.as(me).delete(todoPath).problem(404, "TODO_NOT_FOUND");
    }

    @Test
    void malformedIdsAre404BeforeTheBodyIsRead() {
        web.as(me).patch("/api/todo-lists/nope", "not json").problem(404, "TODO_LIST_NOT_FOUND");
        web.as(me).post("/api/todo-lists/nope/todos", "{}").problem(404, "TODO_LIST_NOT_FOUND");
        web.as(me).patch(listPath + "/todos/nope", "{}").problem(404, "TODO_NOT_FOUND");
        web.as(me).delete("/api/todo-lists/nope/todos/" + open.id().value()).problem(404, "TODO_LIST_NOT_FOUND");
        web.as(me).delete(listPath + "/todos/nope").problem(404, "TODO_NOT_FOUND");
        verifyNoInteractions(list, create, rename, delete, add, edit, remove);
    }

    @Test
    void everyTodoRouteNeedsAToken() {
        web.anonymous().get("/api/todo-lists").problem(401, "UNAUTHENTICATED");
        web.authorizedBy("Bearer t-nope").post("/api/todo-lists", "{\"title\":\"x\"}").problem(401, "UNAUTHENTICATED");
        web.anonymous().delete(todoPath).problem(401, "UNAUTHENTICATED");
        verifyNoInteractions(list, create, rename, delete, add, edit, remove);
    }
}
