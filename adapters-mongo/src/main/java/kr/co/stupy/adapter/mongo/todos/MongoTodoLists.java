package kr.co.stupy.adapter.mongo.todos;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static kr.co.stupy.adapter.mongo.todos.TodoListMapper.CREATED_AT;
import static kr.co.stupy.adapter.mongo.todos.TodoListMapper.OWNER;
import static kr.co.stupy.adapter.mongo.todos.TodoListMapper.TODOS;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import kr.co.stupy.adapter.mongo.MongoErrors;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.ListTitle;
import kr.co.stupy.todos.Todo;
import kr.co.stupy.todos.TodoEdit;
import kr.co.stupy.todos.TodoId;
import kr.co.stupy.todos.TodoLimits;
import kr.co.stupy.todos.TodoList;
import kr.co.stupy.todos.TodoListId;
import kr.co.stupy.todos.TodoLists;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Todo lists without transactions: every rule is kept by one conditional single-document write.
 *
 * <ul>
 * <li>{@code todo_lists} holds one document per list with its todos embedded. A todo is pushed only
 *     while the array has no element at index 49 ({@code "todos.49": {$exists: false}} in the
 *     filter), so parallel adds stop at exactly 50; edits use the positional {@code $} operator, so
 *     a change to one todo never overwrites another. Every filter names the owner as well as the id.</li>
 * <li>{@code todo_owners} holds one document per user: the ids of the lists they keep (a slot is
 *     reserved there, again with an array-index condition, <em>before</em> the list is inserted and
 *     released <em>after</em> it is deleted), and the first list while it is being created. Because
 *     a slot is always taken first and freed last, a crash between the two steps can only leave a
 *     slot without a list, never a list without a slot, so the limit of 10 holds. Such stale slots
 *     are released when the user next hits the limit.</li>
 * </ul>
 * One window is left open on purpose: a read that stalls between seeing the first list still
 * pending and inserting it, for longer than another read plus a deletion of that list take, brings
 * the list back once. Closing it would need tombstones on every query for a case no person can
 * produce by hand.
 */
public final class MongoTodoLists implements TodoLists {

    private static final String SLOTS = "lists";
    private static final String SLOT_ID = "id";
    private static final String SLOT_AT = "at";
    private static final String PENDING_FIRST = "first";
    /** A slot this old whose list does not exist was left by a failed write, not by one still in flight. */
    static final Duration STALE_SLOT = Duration.ofMinutes(1);

    private final MongoCollection<Document> lists;
    private final MongoCollection<Document> owners;
    private final Clock clock;

    public MongoTodoLists(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    public MongoTodoLists(MongoDatabase database, Clock clock) {
        this.lists = database.getCollection("todo_lists");
        this.owners = database.getCollection("todo_owners");
        this.clock = clock;
        lists.createIndex(Indexes.ascending(OWNER, CREATED_AT), new IndexOptions().name("by_owner_in_order"));
    }

    @Override
    public List<TodoList> ofOwner(UserId owner) {
        List<TodoList> found = new ArrayList<>();
        lists.find(eq(OWNER, owner.value())).sort(Sorts.ascending(CREATED_AT, "_id"))
                .forEach(doc -> found.add(TodoListMapper.toTodoList(doc)));
        return found;
    }

    @Override
    public Optional<TodoList> byId(UserId owner, TodoListId id) {
        return Optional.ofNullable(lists.find(ownList(owner, id)).first()).map(TodoListMapper::toTodoList);
    }

    @Override
    public boolean startWith(TodoList first) {
        // Whoever creates the owner document decides the first list; everyone who then sees it still
        // pending inserts that same list (same _id, so only one insert lands) and clears the mark.
        Document ownerDoc = upsertOwner(() -> owners.findOneAndUpdate(eq("_id", first.owner().value()),
                Updates.combine(
                        Updates.setOnInsert(SLOTS, List.of(slot(first.id()))),
                        Updates.setOnInsert(PENDING_FIRST, TodoListMapper.toDocument(first))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        Document pending = ownerDoc.get(PENDING_FIRST, Document.class);
        if (pending == null) {
            return false;
        }
        insertIgnoringDuplicate(pending);
        owners.updateOne(and(eq("_id", first.owner().value()), eq(PENDING_FIRST + "._id", pending.getString("_id"))),
                Updates.unset(PENDING_FIRST));
        return pending.getString("_id").equals(first.id().value());
    }

    @Override
    public boolean add(TodoList list) {
        String owner = list.owner().value();
        upsertOwner(() -> owners.updateOne(eq("_id", owner),
                Updates.setOnInsert(SLOTS, List.of()), new UpdateOptions().upsert(true)));
        if (!reserveSlot(owner, list.id()) && (releaseStaleSlots(owner) == 0 || !reserveSlot(owner, list.id()))) {
            return false;
        }
        try {
            lists.insertOne(TodoListMapper.toDocument(list));
            return true;
        } catch (RuntimeException e) {
            releaseSlot(owner, list.id().value());
            throw e;
        }
    }

    @Override
    public Optional<TodoList> rename(UserId owner, TodoListId id, ListTitle title) {
        return Optional.ofNullable(lists.findOneAndUpdate(ownList(owner, id),
                Updates.set(TodoListMapper.TITLE, title.value()),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(TodoListMapper::toTodoList);
    }

    @Override
    public boolean delete(UserId owner, TodoListId id) {
        boolean deleted = lists.deleteOne(ownList(owner, id)).getDeletedCount() == 1;
        if (deleted) {
            // A first list still marked pending (its creator stopped before clearing the mark) must
            // not be inserted again by the next read now that its owner deleted it.
            owners.updateOne(and(eq("_id", owner.value()), eq(PENDING_FIRST + "._id", id.value())),
                    Updates.unset(PENDING_FIRST));
            releaseSlot(owner.value(), id.value());
        }
        return deleted;
    }

    @Override
    public TodoAddition addTodo(UserId owner, TodoListId listId, Todo todo) {
        Bson roomLeft = exists(TODOS + "." + (TodoLimits.MAX_TODOS_PER_LIST - 1), false);
        if (lists.updateOne(and(ownList(owner, listId), roomLeft),
                Updates.push(TODOS, TodoListMapper.toDocument(todo))).getModifiedCount() == 1) {
            return TodoAddition.ADDED;
        }
        return lists.countDocuments(ownList(owner, listId)) == 1 ? TodoAddition.LIST_FULL : TodoAddition.NO_SUCH_LIST;
    }

    @Override
    public Optional<Todo> editTodo(UserId owner, TodoListId listId, TodoId todoId, TodoEdit edit) {
        List<Bson> changes = new ArrayList<>();
        edit.content().ifPresent(content -> changes.add(Updates.set(TODOS + ".$." + TodoListMapper.CONTENT, content.value())));
        edit.done().ifPresent(done -> changes.add(Updates.set(TODOS + ".$." + TodoListMapper.DONE, done)));
        Document after = lists.findOneAndUpdate(ownTodo(owner, listId, todoId), Updates.combine(changes),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).flatMap(doc -> TodoListMapper.toTodoList(doc).todo(todoId));
    }

    @Override
    public boolean removeTodo(UserId owner, TodoListId listId, TodoId todoId) {
        return lists.updateOne(ownTodo(owner, listId, todoId),
                Updates.pull(TODOS, new Document(TodoListMapper.TODO_ID, todoId.value()))).getModifiedCount() == 1;
    }

    @Override
    public void deleteAllOf(UserId owner) {
        // Lists first: if this stops half way the owner document still counts them, never the reverse.
        lists.deleteMany(eq(OWNER, owner.value()));
        owners.deleteOne(eq("_id", owner.value()));
    }

    private static Bson ownList(UserId owner, TodoListId id) {
        return and(eq("_id", id.value()), eq(OWNER, owner.value()));
    }

    private static Bson ownTodo(UserId owner, TodoListId listId, TodoId todoId) {
        return and(ownList(owner, listId), eq(TODOS + "." + TodoListMapper.TODO_ID, todoId.value()));
    }

    private Document slot(TodoListId id) {
        return new Document(SLOT_ID, id.value()).append(SLOT_AT, Date.from(clock.instant()));
    }

    private boolean reserveSlot(String owner, TodoListId id) {
        Bson slotLeft = exists(SLOTS + "." + (TodoLimits.MAX_LISTS_PER_USER - 1), false);
        return owners.updateOne(and(eq("_id", owner), slotLeft), Updates.push(SLOTS, slot(id))).getModifiedCount() == 1;
    }

    private void releaseSlot(String owner, String listId) {
        owners.updateOne(eq("_id", owner), Updates.pull(SLOTS, new Document(SLOT_ID, listId)));
    }

    /** Frees slots whose list is missing and that are too old to belong to an add still in progress. */
    private int releaseStaleSlots(String owner) {
        Document ownerDoc = owners.find(eq("_id", owner)).first();
        if (ownerDoc == null) {
            return 0;
        }
        Set<String> existing = new HashSet<>();
        lists.find(eq(OWNER, owner)).projection(Projections.include("_id"))
                .forEach(doc -> existing.add(doc.getString("_id")));
        Instant staleBefore = clock.instant().minus(STALE_SLOT);
        int released = 0;
        for (Document slot : ownerDoc.getList(SLOTS, Document.class)) {
            String listId = slot.getString(SLOT_ID);
            if (!existing.contains(listId) && slot.getDate(SLOT_AT).toInstant().isBefore(staleBefore)) {
                releaseSlot(owner, listId);
                released++;
            }
        }
        return released;
    }

    private void insertIgnoringDuplicate(Document list) {
        try {
            lists.insertOne(list);
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /**
     * Runs an upsert of the owner document. Two parallel upserts of one new _id can both try to
     * insert on a real MongoDB; the loser gets a duplicate key error, and a second try then
     * simply finds the document.
     */
    private static <T> T upsertOwner(Supplier<T> upsert) {
        try {
            return upsert.get();
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return upsert.get();
        }
    }

    private static boolean isDuplicateKey(RuntimeException e) {
        return MongoErrors.isDuplicateKey(e) || e instanceof MongoCommandException command
                && ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
