package kr.co.stupy.adapter.web.todos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.adapter.web.support.JsonBody;
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

/**
 * {@code /api/todo-lists}: a user's own lists and todos. Ids in the path are checked before the
 * body, so a malformed id is a plain 404 whatever else is wrong with the request.
 */
public final class TodoRoutes implements RouteGroup {

    private static final String LISTS = "/api/todo-lists";
    private static final String LIST = LISTS + "/{listId}";
    private static final String TODOS = LIST + "/todos";
    private static final String TODO = TODOS + "/{todoId}";

    /** The use cases these routes drive; usually one service implements them all. */
    public record UseCases(ListTodoListsQuery list, CreateTodoListUseCase create, RenameTodoListUseCase rename,
                           DeleteTodoListUseCase delete, AddTodoUseCase addTodo, EditTodoUseCase editTodo,
                           RemoveTodoUseCase removeTodo) {
    }

    private final UseCases useCases;
    private final ObjectMapper mapper;

    public TodoRoutes(UseCases useCases, ObjectMapper mapper) {
        this.useCases = useCases;
        this.mapper = mapper;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(LISTS, this::lists);
        routes.post(LISTS, this::createList);
        routes.patch(LIST, this::renameList);
        routes.delete(LIST, this::deleteList);
        routes.post(TODOS, this::addTodo);
        routes.patch(TODO, this::editTodo);
        routes.delete(TODO, this::removeTodo);
    }

    private void lists(Context ctx) {
        List<TodoListResponse> items = useCases.list().listsOf(Authenticated.userId(ctx)).stream()
                .map(TodoListResponse::of).toList();
        ctx.json(Map.of("items", items));
    }

    private void createList(Context ctx) {
        UserId owner = Authenticated.userId(ctx);
        ListTitle title = title(JsonBody.of(ctx, mapper));
        TodoList list = useCases.create().create(new CreateTodoListUseCase.CreateTodoListCommand(owner, title));
        ctx.status(201).header("Location", LISTS + "/" + list.id().value()).json(TodoListResponse.of(list));
    }

    private void renameList(Context ctx) {
        UserId owner = Authenticated.userId(ctx);
        TodoListId listId = listId(ctx);
        ListTitle title = title(JsonBody.of(ctx, mapper));
        ctx.json(TodoListResponse.of(useCases.rename().rename(
                new RenameTodoListUseCase.RenameTodoListCommand(owner, listId, title))));
    }

    private void deleteList(Context ctx) {
        UserId owner = Authenticated.userId(ctx);
        useCases.delete().delete(new DeleteTodoListUseCase.DeleteTodoListCommand(owner, listId(ctx)));
        ctx.status(204);
    }

    private void addTodo(Context ctx) {
        UserId owner = Authenticated.userId(ctx);
        TodoListId listId = listId(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        Optional<TodoContent> content = body.convert(body.requiredString("content"), TodoContent::new);
        body.validate();
        Todo todo = useCases.addTodo().add(new AddTodoUseCase.AddTodoCommand(owner, listId, content.orElseThrow()));
        ctx.status(201).header("Location", LISTS + "/" + listId.value() + "/todos/" + todo.id().value())
                .json(TodoResponse.of(todo));
    }

    private void editTodo(Context ctx) {
        UserId owner = Authenticated.userId(ctx);
        TodoListId listId = listId(ctx);
        TodoId todoId = todoId(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        Optional<TodoContent> content = body.convert(body.string("content"), TodoContent::new);
        body.check(!body.isNull("content"), "content", "cannot be removed");
        Optional<Boolean> done = body.bool("done");
        body.check(!body.isNull("done"), "done", "must be true or false");
        body.validate();
        // An edit with neither field is refused by TodoEdit itself, as a validation error.
        TodoEdit edit = new TodoEdit(content, done);
        ctx.json(TodoResponse.of(useCases.editTodo().edit(
                new EditTodoUseCase.EditTodoCommand(owner, listId, todoId, edit))));
    }

    private void removeTodo(Context ctx) {
        UserId owner = Authenticated.userId(ctx);
        TodoListId listId = listId(ctx);
        TodoId todoId = todoId(ctx);
        useCases.removeTodo().remove(new RemoveTodoUseCase.RemoveTodoCommand(owner, listId, todoId));
        ctx.status(204);
    }

    private static ListTitle title(JsonBody body) {
        Optional<ListTitle> title = body.convert(body.requiredString("title"), ListTitle::new);
        body.validate();
        return title.orElseThrow();
    }

    private static TodoListId listId(Context ctx) {
        return TodoListId.parse(ctx.pathParam("listId")).orElseThrow(TodoErrors::listNotFound);
    }

    private static TodoId todoId(Context ctx) {
        return TodoId.parse(ctx.pathParam("todoId")).orElseThrow(TodoErrors::todoNotFound);
    }
}
