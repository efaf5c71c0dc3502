package kr.co.stupy.todos;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.shared.UserId;

/** {@link TodoLists} in memory, for tests of everything above the domain. One lock keeps it simple and exact. */
public final class InMemoryTodoLists implements TodoLists {

    private static final Comparator<TodoList> BY_CREATION =
            Comparator.comparing(TodoList::createdAt).thenComparing(list -> list.id().value());

    private final Map<TodoListId, TodoList> lists = new HashMap<>();
    private final Set<UserId> started = new HashSet<>();

    @Override
    public synchronized List<TodoList> ofOwner(UserId owner) {
        return lists.values().stream().filter(list -> list.owner().equals(owner)).sorted(BY_CREATION).toList();
    }

    @Override
    public synchronized Optional<TodoList> byId(UserId owner, TodoListId id) {
        return Optional.ofNullable(lists.get(id)).filter(list -> list.owner().equals(owner));
    }

    @Override
    public synchronized boolean startWith(TodoList first) {
        if (!started.add(first.owner())) {
            return false;
        }
        lists.put(first.id(), first);
        return true;
    }

    @Override
    public synchronized boolean add(TodoList list) {
        started.add(list.owner());
        if (ofOwner(list.owner()).size() >= TodoLimits.MAX_LISTS_PER_USER) {
            return false;
        }
        lists.put(list.id(), list);
        return true;
    }

    @Override
    public synchronized Optional<TodoList> rename(UserId owner, TodoListId id, ListTitle title) {
        return byId(owner, id).map(list -> store(list.rename(title)));
    }

    @Override
    public synchronized boolean delete(UserId owner, TodoListId id) {
        return byId(owner, id).map(list -> lists.remove(id) != null).orElse(false);
    }

    @Override
    public synchronized TodoAddition addTodo(UserId owner, TodoListId listId, Todo todo) {
        Optional<TodoList> list = byId(owner, listId);
        if (list.isEmpty()) {
            return TodoAddition.NO_SUCH_LIST;
        }
        if (list.get().isFull()) {
            return TodoAddition.LIST_FULL;
        }
        store(list.get().add(todo));
        return TodoAddition.ADDED;
    }

    @Override
    public synchronized Optional<Todo> editTodo(UserId owner, TodoListId listId, TodoId todoId, TodoEdit edit) {
        return byId(owner, listId)
                .filter(list -> list.todo(todoId).isPresent())
                .flatMap(list -> store(list.edit(todoId, edit)).todo(todoId));
    }

    @Override
    public synchronized boolean removeTodo(UserId owner, TodoListId listId, TodoId todoId) {
        Optional<TodoList> list = byId(owner, listId).filter(l -> l.todo(todoId).isPresent());
        list.ifPresent(l -> store(l.remove(todoId)));
        return list.isPresent();
    }

    @Override
    public synchronized void deleteAllOf(UserId owner) {
        lists.values().removeIf(list -> list.owner().equals(owner));
        started.remove(owner);
    }

    private TodoList store(TodoList list) {
        lists.put(list.id(), list);
        return list;
    }
}
