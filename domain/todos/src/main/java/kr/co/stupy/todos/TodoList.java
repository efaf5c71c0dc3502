package kr.co.stupy.todos;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/**
 * A user's list of todos, in the order they were added. Only its owner may see or change it;
 * it never holds more than {@link TodoLimits#MAX_TODOS_PER_LIST} todos.
 */
public record TodoList(TodoListId id, UserId owner, ListTitle title, List<Todo> todos, Instant createdAt) {

    public TodoList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        todos = List.copyOf(todos);
        if (todos.size() > TodoLimits.MAX_TODOS_PER_LIST) {
            throw new IllegalArgumentException("a list holds at most " + TodoLimits.MAX_TODOS_PER_LIST + " todos");
        }
        if (todos.stream().map(Todo::id).distinct().count() != todos.size()) {
            throw new IllegalArgumentException("todo ids are unique within a list");
        }
    }

    /** A new, empty list. Made at millisecond precision, as stores keep it. */
    public static TodoList create(UserId owner, ListTitle title, Instant now) {
        return new TodoList(TodoListId.newId(), owner, title, List.of(), now.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The list every user starts with, "오늘 할 일". */
    public static TodoList createDefault(UserId owner, Instant now) {
        return create(owner, new ListTitle(TodoLimits.DEFAULT_LIST_TITLE), now);
    }

    /** A list as it was stored, checked like any other. */
    public static TodoList restore(TodoListId id, UserId owner, ListTitle title, List<Todo> todos, Instant createdAt) {
        return new TodoList(id, owner, title, todos, createdAt);
    }

    public boolean isFull() {
        return todos.size() >= TodoLimits.MAX_TODOS_PER_LIST;
    }

    public Optional<Todo> todo(TodoId todoId) {
        return todos.stream().filter(todo -> todo.id().equals(todoId)).findFirst();
    }

    public TodoList rename(ListTitle newTitle) {
        return new TodoList(id, owner, newTitle, todos, createdAt);
    }

    /** Appends {@code todo}; a full list refuses with {@code TODO_LIMIT}. */
    public TodoList add(Todo todo) {
        if (isFull()) {
            throw TodoErrors.todoLimit();
        }
        List<Todo> more = new ArrayList<>(todos);
        more.add(todo);
        return new TodoList(id, owner, title, more, createdAt);
    }

    /** Applies {@code edit} to one todo in place; an unknown todo is {@code TODO_NOT_FOUND}. */
    public TodoList edit(TodoId todoId, TodoEdit edit) {
        Todo current = todo(todoId).orElseThrow(TodoErrors::todoNotFound);
        return new TodoList(id, owner, title,
                todos.stream().map(todo -> todo == current ? todo.apply(edit) : todo).toList(), createdAt);
    }

    /** Removes one todo; an unknown todo is {@code TODO_NOT_FOUND}. */
    public TodoList remove(TodoId todoId) {
        Todo current = todo(todoId).orElseThrow(TodoErrors::todoNotFound);
        return new TodoList(id, owner, title, todos.stream().filter(todo -> todo != current).toList(), createdAt);
    }
}
