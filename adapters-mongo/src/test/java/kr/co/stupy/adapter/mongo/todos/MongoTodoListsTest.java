package kr.co.stupy.adapter.mongo.todos;

import kr.co.stupy.shared.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.AbstractTodoListsContract;
import kr.co.stupy.todos.ListTitle;
import kr.co.stupy.todos.TodoLimits;
import kr.co.stupy.todos.TodoList;
import kr.co.stupy.todos.TodoLists;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoTodoListsTest extends AbstractTodoListsContract {

    @Override
    protected TodoLists createTodoLists() {
        return new MongoTodoLists(TestMongo.freshDatabase());
    }

    @Test
    void aSlotLeftByACrashedDeletionIsReleasedOnceItIsStale() {
        MongoDatabase database = TestMongo.freshDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        MongoTodoLists store = new MongoTodoLists(database, clock);
        UserId kim = UserId.newId();
        List<TodoList> ten = IntStream.range(0, TodoLimits.MAX_LISTS_PER_USER)
                .mapToObj(i -> TodoList.create(kim, new ListTitle("list " + i), clock.instant().plusMillis(i)))
                .toList();
        ten.forEach(list -> assertTrue(store.add(list)));

        // As if a deletion stopped between removing the list and freeing its slot.
        database.getCollection("todo_lists").deleteOne(Filters.eq("_id", ten.getFirst().id().value()));
        assertEquals(TodoLimits.MAX_LISTS_PER_USER - 1, store.ofOwner(kim).size());

        assertFalse(store.add(TodoList.create(kim, new ListTitle("too early"), clock.instant())),
                "a recent slot may belong to an add still in progress, so it is kept");

        clock.advance(MongoTodoLists.STALE_SLOT.plusSeconds(1));
        assertTrue(store.add(TodoList.create(kim, new ListTitle("fits again"), clock.instant())));
        assertEquals(TodoLimits.MAX_LISTS_PER_USER, store.ofOwner(kim).size());
        Document owner = database.getCollection("todo_owners").find(Filters.eq("_id", kim.value())).first();
        assertEquals(TodoLimits.MAX_LISTS_PER_USER, owner.getList("lists", Document.class).size());
    }

    @Test
    void aFirstListLeftPendingByACrashIsNotBroughtBackAfterItsDeletion() {
        MongoDatabase database = TestMongo.freshDatabase();
        MongoTodoLists store = new MongoTodoLists(database);
        UserId kim = UserId.newId();
        TodoList first = TodoList.createDefault(kim, Instant.now());
        assertTrue(store.startWith(first));
        // As if the first read stopped after inserting the list, before clearing the pending mark.
        database.getCollection("todo_owners").updateOne(Filters.eq("_id", kim.value()),
                Updates.set("first", TodoListMapper.toDocument(first)));

        assertTrue(store.delete(kim, first.id()));

        assertFalse(store.startWith(TodoList.createDefault(kim, Instant.now())));
        assertEquals(List.of(), store.ofOwner(kim));
    }
}
