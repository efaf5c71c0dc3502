package kr.co.stupy.todos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

class TodoListTest {

    private final UserId owner = UserId.newId();

    @Test
    void titlesAreTrimmedAndCountedInCodePoints() {
        assertEquals("수학", new ListTitle("  수학 ").value());
        assertEquals(100, new ListTitle("😀".repeat(100)).value().codePointCount(0, 200));
        assertThrows(InvalidInputException.class, () -> new ListTitle("😀".repeat(101)));
        assertThrows(InvalidInputException.class, () -> new ListTitle("   "));
        assertThrows(InvalidInputException.class, () -> new ListTitle(null));
        var failure = assertThrows(InvalidInputException.class, () -> new ListTitle("tab\there"));
        assertEquals("title", failure.errors().getFirst().field());
    }

    @Test
    void contentIsOneLineOfAtMost500Characters() {
        assertEquals("read", new TodoContent(" read\n").value());
        assertEquals(500, new TodoContent("가".repeat(500)).value().length());
        assertThrows(InvalidInputException.class, () -> new TodoContent("가".repeat(501)));
        assertThrows(InvalidInputException.class, () -> new TodoContent(""));
        var failure = assertThrows(InvalidInputException.class, () -> new TodoContent("two\nlines"));
        assertEquals("content", failure.errors().getFirst().field());
    }

    @Test
    void anEditChangesSomething() {
        assertThrows(InvalidInputException.class, () -> new TodoEdit(Optional.empty(), Optional.empty()));
        Todo todo = Todo.create(new TodoContent("read"), Instant.now());
        Todo done = todo.apply(new TodoEdit(Optional.empty(), Optional.of(true)));
        assertTrue(done.done());
        assertEquals(todo.content(), done.content());
        assertEquals(todo.createdAt(), done.createdAt());
    }

    @Test
    void idsFromOutsideAreParsedWithoutFailing() {
        assertTrue(TodoListId.parse("nope").isEmpty());
        assertTrue(TodoListId.parse(null).isEmpty());
        assertTrue(TodoId.parse("01234567890123456789012345!").isEmpty());
        TodoListId id = TodoListId.newId();
        assertEquals(Optional.of(id), TodoListId.parse(id.value()));
        assertThrows(IllegalArgumentException.class, () -> new TodoId("bad"));
    }

    @Test
    void aListKeepsTodosInOrderAndRefusesTheFiftyFirst() {
        TodoList list = TodoList.create(owner, new ListTitle("study"), Instant.now());
        for (int i = 0; i < TodoLimits.MAX_TODOS_PER_LIST; i++) {
            list = list.add(Todo.create(new TodoContent("todo " + i), Instant.now()));
        }
        assertTrue(list.isFull());
        assertEquals("todo 0", list.todos().getFirst().content().value());
        TodoList full = list;
        DomainException failure = assertThrows(DomainException.class,
                () -> full.add(Todo.create(new TodoContent("one more"), Instant.now())));
        assertEquals("TODO_LIMIT", failure.code());
        assertEquals(DomainException.Kind.CONFLICT, failure.kind());
    }

    @Test
    void editsAndRemovesOneTodo() {
        Todo a = Todo.create(new TodoContent("a"), Instant.now());
        Todo b = Todo.create(new TodoContent("b"), Instant.now());
        TodoList list = TodoList.create(owner, new ListTitle("study"), Instant.now()).add(a).add(b);

        TodoList edited = list.edit(b.id(), new TodoEdit(Optional.of(new TodoContent("b2")), Optional.empty()));
        assertEquals(List.of(a, new Todo(b.id(), new TodoContent("b2"), false, b.createdAt())), edited.todos());
        assertEquals(List.of(b), list.remove(a.id()).todos());
        assertEquals("TODO_NOT_FOUND", assertThrows(DomainException.class, () -> list.remove(TodoId.newId())).code());
        assertEquals(DomainException.Kind.NOT_FOUND,
                assertThrows(DomainException.class, () -> list.edit(TodoId.newId(),
                        new TodoEdit(Optional.empty(), Optional.of(true)))).kind());
    }

    @Test
    void aStoredListIsCheckedLikeANewOne() {
        Todo a = Todo.create(new TodoContent("a"), Instant.now());
        assertThrows(IllegalArgumentException.class, () -> TodoList.restore(TodoListId.newId(), owner,
                new ListTitle("dup"), List.of(a, a), Instant.now()));
        List<Todo> tooMany = IntStream.range(0, 51).mapToObj(i -> Todo.create(new TodoContent("t"), Instant.now())).toList();
        assertThrows(IllegalArgumentException.class, () -> TodoList.restore(TodoListId.newId(), owner,
                new ListTitle("many"), tooMany, Instant.now()));
    }

    @Test
    void theDefaultListIsTodaysTodos() {
        TodoList list = TodoList.createDefault(owner, Instant.parse("2026-11-24T09:00:00.123456Z"));
        assertEquals("오늘 할 일", list.title().value());
        assertEquals(Instant.parse("2026-11-24T09:00:00.123Z"), list.createdAt());
        assertFalse(list.isFull());
        assertEquals(owner, list.owner());
    }
}
