package kr.co.stupy.todos;

import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/**
 * Every user's todo lists. Each operation names the owner, and a list of another owner is treated
 * exactly like a missing one. Implementations keep the limits ({@link TodoLimits}) under parallel
 * callers and never lose a concurrent change to another todo of the same list.
 */
public interface TodoLists {

    /** What became of a todo offered to a list. */
    enum TodoAddition { ADDED, LIST_FULL, NO_SUCH_LIST }

    /** The owner's lists, oldest first (by creation time, then id), each with its todos in the order they were added. */
    List<TodoList> ofOwner(UserId owner);

    Optional<TodoList> byId(UserId owner, TodoListId id);

    /**
     * Stores {@code first} as its owner's first list, once in the owner's life: when the owner has
     * had lists before (even ones since deleted) nothing happens. Parallel calls store one list.
     * Returns true when this call stored it.
     */
    boolean startWith(TodoList first);

    /** Stores a new list unless its owner already keeps {@link TodoLimits#MAX_LISTS_PER_USER}; false when full. */
    boolean add(TodoList list);

    /** The renamed list, or empty when the owner has no such list. */
    Optional<TodoList> rename(UserId owner, TodoListId id, ListTitle title);

    /** Deletes the list with its todos; false when the owner has no such list. */
    boolean delete(UserId owner, TodoListId id);

    /** Appends {@code todo} to the list unless it already holds {@link TodoLimits#MAX_TODOS_PER_LIST}. */
    TodoAddition addTodo(UserId owner, TodoListId listId, Todo todo);

    /** Applies {@code edit} to that one todo alone; empty when the owner has no such list or todo. */
    Optional<Todo> editTodo(UserId owner, TodoListId listId, TodoId todoId, TodoEdit edit);

    /** Removes one todo; false when the owner has no such list or todo. */
    boolean removeTodo(UserId owner, TodoListId listId, TodoId todoId);

    /** Forgets the owner entirely: every list, and that they ever had any. Idempotent. */
    void deleteAllOf(UserId owner);
}
