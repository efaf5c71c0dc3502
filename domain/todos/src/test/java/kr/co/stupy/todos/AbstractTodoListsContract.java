package kr.co.stupy.todos;

import kr.co.stupy.shared.testing.Parallel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TodoLists} implementation promises. Extend it once per implementation. */
public abstract class AbstractTodoListsContract {

    protected TodoLists lists;
    private final UserId kim = UserId.newId();
    private final UserId lee = UserId.newId();

    protected abstract TodoLists createTodoLists();

    @BeforeEach
    void setUpTodoLists() {
        lists = createTodoLists();
    }

    /** Each list a millisecond younger than the one before, so "oldest first" is one exact order. */
    private final AtomicLong clock = new AtomicLong(Instant.parse("2026-11-24T09:00:00Z").toEpochMilli());

    private TodoList list(UserId owner, String title) {
        return TodoList.create(owner, new ListTitle(title), Instant.ofEpochMilli(clock.getAndIncrement()));
    }

    private static Todo todo(String content) {
        return Todo.create(new TodoContent(content), Instant.now());
    }

    private TodoList stored(UserId owner, String title) {
        TodoList list = list(owner, title);
        assertTrue(lists.add(list));
        return list;
    }

    /** Runs every task at once and returns their results in order. */
    protected static <T> List<T> inParallel(int count, IntFunction<Callable<T>> task) throws Exception {
        return Parallel.run(count, i -> task.apply(i).call());
    }

    @Test
    void storesListsAndReadsThemBackOldestFirst() {
        TodoList first = stored(kim, "수학");
        TodoList second = stored(kim, "영어");
        stored(lee, "someone else's");

        assertEquals(List.of(first, second), lists.ofOwner(kim));
        assertEquals(Optional.of(first), lists.byId(kim, first.id()));
        assertEquals(List.of(), lists.ofOwner(UserId.newId()));
    }

    @Test
    void anotherOwnersListIsInvisibleAndUntouchable() {
        TodoList mine = stored(kim, "mine");
        Todo todo = todo("read");
        lists.addTodo(kim, mine.id(), todo);

        assertEquals(Optional.empty(), lists.byId(lee, mine.id()));
        assertEquals(Optional.empty(), lists.rename(lee, mine.id(), new ListTitle("stolen")));
        assertEquals(TodoLists.TodoAddition.NO_SUCH_LIST, lists.addTodo(lee, mine.id(), todo("x")));
        assertEquals(Optional.empty(), lists.editTodo(lee, mine.id(), todo.id(),
                new TodoEdit(Optional.empty(), Optional.of(true))));
        assertFalse(lists.removeTodo(lee, mine.id(), todo.id()));
        assertFalse(lists.delete(lee, mine.id()));

        TodoList untouched = lists.byId(kim, mine.id()).orElseThrow();
        assertEquals("mine", untouched.title().value());
        assertEquals(List.of(todo), untouched.todos());
    }

    @Test
    void startsAnOwnerWithOneListOnceInTheirLife() {
        TodoList first = TodoList.createDefault(kim, Instant.now());
        assertTrue(lists.startWith(first));
        assertFalse(lists.startWith(TodoList.createDefault(kim, Instant.now())));
        assertEquals(List.of(first), lists.ofOwner(kim));

        assertTrue(lists.delete(kim, first.id()));
        assertFalse(lists.startWith(TodoList.createDefault(kim, Instant.now())), "a deleted first list stays deleted");
        assertEquals(List.of(), lists.ofOwner(kim));
    }

    @Test
    void anOwnerWhoAddedAListFirstIsAlreadyStarted() {
        TodoList own = stored(kim, "my own");
        assertFalse(lists.startWith(TodoList.createDefault(kim, Instant.now())));
        assertEquals(List.of(own), lists.ofOwner(kim));
    }

    @Test
    void parallelStartsStoreExactlyOneList() throws Exception {
        List<Boolean> stored = inParallel(24, i -> () -> lists.startWith(TodoList.createDefault(kim, Instant.now())));

        assertEquals(1, stored.stream().filter(Boolean::booleanValue).count());
        List<TodoList> found = lists.ofOwner(kim);
        assertEquals(1, found.size());
        assertEquals(TodoLimits.DEFAULT_LIST_TITLE, found.getFirst().title().value());
    }

    @Test
    void refusesTheEleventhListAndAcceptsOneAgainAfterADeletion() {
        List<TodoList> ten = IntStream.range(0, TodoLimits.MAX_LISTS_PER_USER).mapToObj(i -> stored(kim, "list " + i)).toList();

        assertFalse(lists.add(list(kim, "one too many")));
        assertTrue(lists.add(list(lee, "others are not affected")));
        assertEquals(ten, lists.ofOwner(kim));

        assertTrue(lists.delete(kim, ten.get(3).id()));
        assertFalse(lists.delete(kim, ten.get(3).id()));
        assertTrue(lists.add(list(kim, "room again")));
        assertEquals(TodoLimits.MAX_LISTS_PER_USER, lists.ofOwner(kim).size());
    }

    @Test
    void parallelAddsNeverExceedTheListLimit() throws Exception {
        lists.startWith(TodoList.createDefault(kim, Instant.now()));
        List<Boolean> added = inParallel(25, i -> () -> lists.add(list(kim, "list " + i)));

        assertEquals(TodoLimits.MAX_LISTS_PER_USER - 1, added.stream().filter(Boolean::booleanValue).count());
        assertEquals(TodoLimits.MAX_LISTS_PER_USER, lists.ofOwner(kim).size());
    }

    @Test
    void renamesAList() {
        TodoList list = stored(kim, "old");
        TodoList renamed = lists.rename(kim, list.id(), new ListTitle("new")).orElseThrow();

        assertEquals("new", renamed.title().value());
        assertEquals(list.createdAt(), renamed.createdAt());
        assertEquals(Optional.of(renamed), lists.byId(kim, list.id()));
        assertEquals(Optional.empty(), lists.rename(kim, TodoListId.newId(), new ListTitle("x")));
    }

    @Test
    void addsTodosInOrderUpToTheLimit() {
        TodoList list = stored(kim, "study");
        List<Todo> added = new ArrayList<>();
        for (int i = 0; i < TodoLimits.MAX_TODOS_PER_LIST; i++) {
            Todo todo = todo("todo " + i);
            assertEquals(TodoLists.TodoAddition.ADDED, lists.addTodo(kim, list.id(), todo));
            added.add(todo);
        }

        assertEquals(TodoLists.TodoAddition.LIST_FULL, lists.addTodo(kim, list.id(), todo("one too many")));
        assertEquals(TodoLists.TodoAddition.NO_SUCH_LIST, lists.addTodo(kim, TodoListId.newId(), todo("x")));
        assertEquals(added, lists.byId(kim, list.id()).orElseThrow().todos());
    }

    @Test
    void parallelTodoAddsNeverExceedTheTodoLimit() throws Exception {
        TodoList list = stored(kim, "busy");
        List<TodoLists.TodoAddition> outcomes = inParallel(60, i -> () -> lists.addTodo(kim, list.id(), todo("todo " + i)));

        assertEquals(TodoLimits.MAX_TODOS_PER_LIST, outcomes.stream().filter(TodoLists.TodoAddition.ADDED::equals).count());
        assertEquals(60 - TodoLimits.MAX_TODOS_PER_LIST,
                outcomes.stream().filter(TodoLists.TodoAddition.LIST_FULL::equals).count());
        assertEquals(TodoLimits.MAX_TODOS_PER_LIST, lists.byId(kim, list.id()).orElseThrow().todos().size());
    }

    @Test
    void editsOneTodoAndLeavesTheOthersAlone() {
        TodoList list = stored(kim, "study");
        Todo a = todo("a");
        Todo b = todo("b");
        lists.addTodo(kim, list.id(), a);
        lists.addTodo(kim, list.id(), b);

        Todo done = lists.editTodo(kim, list.id(), a.id(), new TodoEdit(Optional.empty(), Optional.of(true))).orElseThrow();
        Todo renamed = lists.editTodo(kim, list.id(), a.id(),
                new TodoEdit(Optional.of(new TodoContent("a, again")), Optional.empty())).orElseThrow();

        assertTrue(done.done());
        assertEquals("a", done.content().value());
        assertEquals(new Todo(a.id(), new TodoContent("a, again"), true, a.createdAt()), renamed);
        assertEquals(List.of(renamed, b), lists.byId(kim, list.id()).orElseThrow().todos());
        assertEquals(Optional.empty(), lists.editTodo(kim, list.id(), TodoId.newId(),
                new TodoEdit(Optional.empty(), Optional.of(true))));
    }

    @Test
    void parallelEditsOfDifferentTodosAllSurvive() throws Exception {
        TodoList list = stored(kim, "study");
        List<Todo> todos = IntStream.range(0, 30).mapToObj(i -> todo("todo " + i)).toList();
        todos.forEach(todo -> lists.addTodo(kim, list.id(), todo));

        inParallel(todos.size(), i -> () -> lists.editTodo(kim, list.id(), todos.get(i).id(),
                new TodoEdit(Optional.of(new TodoContent("edited " + i)), Optional.of(true))));

        List<Todo> after = lists.byId(kim, list.id()).orElseThrow().todos();
        assertEquals(todos.size(), after.size());
        for (int i = 0; i < todos.size(); i++) {
            assertEquals(todos.get(i).id(), after.get(i).id());
            assertEquals("edited " + i, after.get(i).content().value());
            assertTrue(after.get(i).done());
        }
    }

    @Test
    void removesTodos() {
        TodoList list = stored(kim, "study");
        Todo a = todo("a");
        Todo b = todo("b");
        lists.addTodo(kim, list.id(), a);
        lists.addTodo(kim, list.id(), b);

        assertTrue(lists.removeTodo(kim, list.id(), a.id()));
        assertFalse(lists.removeTodo(kim, list.id(), a.id()));
        assertEquals(List.of(b), lists.byId(kim, list.id()).orElseThrow().todos());
    }

    @Test
    void aFullListTakesATodoAgainAfterARemoval() {
        TodoList list = stored(kim, "full");
        List<Todo> todos = IntStream.range(0, TodoLimits.MAX_TODOS_PER_LIST).mapToObj(i -> todo("t" + i)).toList();
        todos.forEach(todo -> lists.addTodo(kim, list.id(), todo));

        assertTrue(lists.removeTodo(kim, list.id(), todos.get(10).id()));
        assertEquals(TodoLists.TodoAddition.ADDED, lists.addTodo(kim, list.id(), todo("fits again")));
        assertEquals(TodoLists.TodoAddition.LIST_FULL, lists.addTodo(kim, list.id(), todo("full again")));
    }

    @Test
    void deletingAllOfAnOwnerForgetsThemAndNobodyElse() {
        stored(kim, "a");
        stored(kim, "b");
        TodoList others = stored(lee, "c");

        lists.deleteAllOf(kim);
        lists.deleteAllOf(kim);

        assertEquals(List.of(), lists.ofOwner(kim));
        assertEquals(List.of(others), lists.ofOwner(lee));
        assertTrue(lists.startWith(TodoList.createDefault(kim, Instant.now())), "a forgotten owner starts afresh");
    }
}
