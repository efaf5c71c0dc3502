package kr.co.stupy.bootstrap.web;

import kr.co.stupy.shared.testing.Parallel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.Api.Reply;
import kr.co.stupy.bootstrap.support.Api.Session;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.Ids;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The todo lists of API.md, over HTTP against a real node with its embedded database. */
class TodoRoutesTest {

    private static final String LISTS = "/api/todo-lists";
    private static final AtomicInteger USERS = new AtomicInteger();

    @AutoClose
    static final TestNode node = TestNode.start();
    static final Api api = node.api();

    private static Session newUser() {
        return api.devLogin("todo" + USERS.incrementAndGet() + "-" + Ids.newId().substring(20));
    }

    private static JsonNode lists(Session as) {
        Reply reply = api.get(LISTS, as);
        assertEquals(200, reply.status(), reply.raw());
        return reply.body().get("items");
    }

    private static JsonNode createList(Session as, String title) {
        Reply reply = api.post(LISTS, as, Map.of("title", title));
        assertEquals(201, reply.status(), reply.raw());
        return reply.body();
    }

    private static JsonNode addTodo(Session as, String listId, String content) {
        Reply reply = api.post(LISTS + "/" + listId + "/todos", as, Map.of("content", content));
        assertEquals(201, reply.status(), reply.raw());
        return reply.body();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertProblem(int status, String code, Reply reply) {
        assertEquals(status, reply.status(), reply.raw());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(code, reply.code());
    }

    private static void assertValidation(Reply reply, String field) {
        assertProblem(400, "VALIDATION_FAILED", reply);
        List<String> fields = new ArrayList<>();
        reply.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertTrue(fields.contains(field), reply.raw());
    }

    /** Runs every request at once and returns the replies in order. */
    private static <T> List<T> inParallel(int count, IntFunction<Callable<T>> task) throws Exception {
        return Parallel.run(count, i -> task.apply(i).call());
    }

    @Test
    void theFirstReadCreatesTodaysListOnce() {
        Session kim = newUser();

        JsonNode first = lists(kim);
        assertEquals(1, first.size());
        JsonNode list = first.get(0);
        assertEquals(Set.of("id", "title", "todos", "createdAt"), fieldNames(list));
        assertEquals("오늘 할 일", list.get("title").asText());
        assertTrue(list.get("todos").isArray() && list.get("todos").isEmpty());
        assertTrue(Ids.isWellFormed(list.get("id").asText()));
        assertTrue(list.get("createdAt").asText().endsWith("Z"));
        Instant.parse(list.get("createdAt").asText());

        assertEquals(first, lists(kim));
    }

    @Test
    void parallelFirstReadsCreateExactlyOneDefaultList() throws Exception {
        Session kim = newUser();

        List<Reply> replies = inParallel(30, i -> () -> api.get(LISTS, kim));

        Set<String> seenIds = new HashSet<>();
        for (Reply reply : replies) {
            assertEquals(200, reply.status(), reply.raw());
            assertEquals(1, reply.body().get("items").size(), reply.raw());
            seenIds.add(reply.body().at("/items/0/id").asText());
        }
        assertEquals(1, seenIds.size(), "every reader saw the same one list");
        JsonNode after = lists(kim);
        assertEquals(1, after.size());
        assertEquals(seenIds.iterator().next(), after.get(0).get("id").asText());
    }

    @Test
    void aDeletedDefaultListIsNotCreatedAgain() {
        Session kim = newUser();
        String id = lists(kim).get(0).get("id").asText();

        assertEquals(204, api.delete(LISTS + "/" + id, kim).status());

        assertEquals(0, lists(kim).size());
    }

    @Test
    void createsListsWithALocationAndListsThemOldestFirst() {
        Session kim = newUser();
        lists(kim);

        Reply created = api.post(LISTS, kim, Map.of("title", "  수학  ", "ignored", true));
        assertEquals(201, created.status(), created.raw());
        JsonNode math = created.body();
        assertEquals(Set.of("id", "title", "todos", "createdAt"), fieldNames(math));
        assertEquals("수학", math.get("title").asText());
        assertTrue(math.get("todos").isEmpty());
        assertEquals(LISTS + "/" + math.get("id").asText(), created.headers().firstValue("Location").orElse(""));
        JsonNode english = createList(kim, "영어");

        JsonNode all = lists(kim);
        assertEquals(List.of("오늘 할 일", "수학", "영어"), all.findValuesAsText("title"));
        assertEquals(math, all.get(1));
        assertEquals(english, all.get(2));
    }

    @Test
    void renamesAndDeletesAList() {
        Session kim = newUser();
        String id = createList(kim, "old").get("id").asText();

        Reply renamed = api.patch(LISTS + "/" + id, kim, Map.of("title", "new"));
        assertEquals(200, renamed.status(), renamed.raw());
        assertEquals("new", renamed.body().get("title").asText());
        assertEquals(id, renamed.body().get("id").asText());

        Reply deleted = api.delete(LISTS + "/" + id, kim);
        assertEquals(204, deleted.status());
        assertEquals("", deleted.raw());
        assertProblem(404, "TODO_LIST_NOT_FOUND", api.delete(LISTS + "/" + id, kim));
        assertProblem(404, "TODO_LIST_NOT_FOUND", api.patch(LISTS + "/" + id, kim, Map.of("title", "gone")));
        assertFalse(lists(kim).findValuesAsText("id").contains(id));
    }

    @Test
    void addsEditsAndRemovesTodos() {
        Session kim = newUser();
        String listId = createList(kim, "study").get("id").asText();
        String todos = LISTS + "/" + listId + "/todos";

        Reply created = api.post(todos, kim, Map.of("content", " 단어 외우기 "));
        assertEquals(201, created.status(), created.raw());
        JsonNode first = created.body();
        assertEquals(Set.of("id", "content", "done", "createdAt"), fieldNames(first));
        assertEquals("단어 외우기", first.get("content").asText());
        assertFalse(first.get("done").asBoolean());
        assertTrue(first.get("done").isBoolean());
        Instant.parse(first.get("createdAt").asText());
        String firstId = first.get("id").asText();
        assertEquals(todos + "/" + firstId, created.headers().firstValue("Location").orElse(""));
        String secondId = addTodo(kim, listId, "문제 풀기").get("id").asText();

        Reply done = api.patch(todos + "/" + firstId, kim, Map.of("done", true));
        assertEquals(200, done.status(), done.raw());
        assertTrue(done.body().get("done").asBoolean());
        assertEquals("단어 외우기", done.body().get("content").asText());
        Reply reworded = api.patch(todos + "/" + firstId, kim, Map.of("content", "단어 100개"));
        assertEquals("단어 100개", reworded.body().get("content").asText());
        assertTrue(reworded.body().get("done").asBoolean(), "an absent field stays as it was");
        Reply both = api.patch(todos + "/" + secondId, kim, Map.of("content", "문제 20개", "done", true));
        assertEquals(200, both.status());
        assertEquals(first.get("createdAt"), reworded.body().get("createdAt"));

        JsonNode list = byId(lists(kim), listId);
        assertEquals(List.of(firstId, secondId), list.get("todos").findValuesAsText("id"));
        assertEquals(List.of("단어 100개", "문제 20개"), list.get("todos").findValuesAsText("content"));

        assertEquals(204, api.delete(todos + "/" + firstId, kim).status());
        assertProblem(404, "TODO_NOT_FOUND", api.delete(todos + "/" + firstId, kim));
        assertProblem(404, "TODO_NOT_FOUND", api.patch(todos + "/" + firstId, kim, Map.of("done", false)));
        assertEquals(List.of(secondId), byId(lists(kim), listId).get("todos").findValuesAsText("id"));
    }

    @Test
    void theEleventhListIsAConflict() {
        Session kim = newUser();
        lists(kim);
        for (int i = 1; i < 10; i++) {
            createList(kim, "list " + i);
        }

        assertProblem(409, "LIST_LIMIT", api.post(LISTS, kim, Map.of("title", "one too many")));
        assertEquals(10, lists(kim).size());
    }

    @Test
    void parallelListCreationsStopAtTen() throws Exception {
        Session kim = newUser();
        lists(kim);

        List<Reply> replies = inParallel(20, i -> () -> api.post(LISTS, kim, Map.of("title", "list " + i)));

        assertEquals(9, replies.stream().filter(r -> r.status() == 201).count());
        assertEquals(11, replies.stream().filter(r -> r.status() == 409 && r.code().equals("LIST_LIMIT")).count());
        assertEquals(10, lists(kim).size());
    }

    @Test
    void sixtyParallelAddsLeaveExactlyFiftyTodos() throws Exception {
        Session kim = newUser();
        String listId = createList(kim, "busy").get("id").asText();

        List<Reply> replies = inParallel(60, i -> () ->
                api.post(LISTS + "/" + listId + "/todos", kim, Map.of("content", "todo " + i)));

        assertEquals(50, replies.stream().filter(r -> r.status() == 201).count());
        assertEquals(10, replies.stream().filter(r -> r.status() == 409 && r.code().equals("TODO_LIMIT")).count());
        JsonNode list = byId(lists(kim), listId);
        assertEquals(50, list.get("todos").size());
        assertProblem(409, "TODO_LIMIT", api.post(LISTS + "/" + listId + "/todos", kim, Map.of("content", "more")));
    }

    @Test
    void parallelEditsOfDifferentTodosAllSurvive() throws Exception {
        Session kim = newUser();
        String listId = createList(kim, "edits").get("id").asText();
        List<String> ids = IntStream.range(0, 25).mapToObj(i -> addTodo(kim, listId, "todo " + i).get("id").asText()).toList();

        List<Reply> replies = inParallel(ids.size(), i -> () -> api.patch(LISTS + "/" + listId + "/todos/" + ids.get(i), kim,
                Map.of("content", "edited " + i, "done", true)));

        replies.forEach(reply -> assertEquals(200, reply.status(), reply.raw()));
        JsonNode todos = byId(lists(kim), listId).get("todos");
        assertEquals(ids, todos.findValuesAsText("id"));
        for (int i = 0; i < ids.size(); i++) {
            assertEquals("edited " + i, todos.get(i).get("content").asText());
            assertTrue(todos.get(i).get("done").asBoolean());
        }
    }

    @Test
    void anotherUsersListAndTodosAre404ForEveryVerb() {
        Session kim = newUser();
        Session lee = newUser();
        String listId = createList(kim, "kim's").get("id").asText();
        String todoId = addTodo(kim, listId, "secret").get("id").asText();
        String list = LISTS + "/" + listId;
        String todo = list + "/todos/" + todoId;

        assertProblem(404, "TODO_LIST_NOT_FOUND", api.patch(list, lee, Map.of("title", "mine now")));
        assertProblem(404, "TODO_LIST_NOT_FOUND", api.delete(list, lee));
        assertProblem(404, "TODO_LIST_NOT_FOUND", api.post(list + "/todos", lee, Map.of("content", "spam")));
        assertProblem(404, "TODO_LIST_NOT_FOUND", api.patch(todo, lee, Map.of("done", true)));
        assertProblem(404, "TODO_LIST_NOT_FOUND", api.delete(todo, lee));
        assertFalse(lists(lee).findValuesAsText("id").contains(listId));

        JsonNode untouched = byId(lists(kim), listId);
        assertEquals("kim's", untouched.get("title").asText());
        assertEquals(1, untouched.get("todos").size());
        assertEquals("secret", untouched.at("/todos/0/content").asText());
        assertFalse(untouched.at("/todos/0/done").asBoolean());
    }

    @Test
    void malformedAndUnknownIdsAre404() {
        Session kim = newUser();
        String listId = createList(kim, "real").get("id").asText();
        String unknown = Ids.newId();
        for (String bad : List.of("not-an-id", "0123456789abcdefghjkmnpqrs", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", "UUUUUUUUUUUUUUUUUUUUUUUUUU", unknown)) {
            assertProblem(404, "TODO_LIST_NOT_FOUND", api.patch(LISTS + "/" + bad, kim, Map.of("title", "x")));
            assertProblem(404, "TODO_LIST_NOT_FOUND", api.delete(LISTS + "/" + bad, kim));
            assertProblem(404, "TODO_LIST_NOT_FOUND", api.post(LISTS + "/" + bad + "/todos", kim, Map.of("content", "x")));
            assertProblem(404, "TODO_LIST_NOT_FOUND", api.patch(LISTS + "/" + bad + "/todos/" + unknown, kim, Map.of("done", true)));
            assertProblem(404, "TODO_LIST_NOT_FOUND", api.delete(LISTS + "/" + bad + "/todos/" + unknown, kim));
            assertProblem(404, "TODO_NOT_FOUND", api.patch(LISTS + "/" + listId + "/todos/" + bad, kim, Map.of("done", true)));
            assertProblem(404, "TODO_NOT_FOUND", api.delete(LISTS + "/" + listId + "/todos/" + bad, kim));
        }
        // A malformed id is 404 even when the body is wrong too.
        assertProblem(404, "TODO_LIST_NOT_FOUND", api.raw("PATCH", LISTS + "/nope", kim.token(), "text/plain",
                "x".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void badListBodiesAre400WithEveryFieldError() {
        Session kim = newUser();
        String list = LISTS + "/" + createList(kim, "ok").get("id").asText();

        assertValidation(api.post(LISTS, kim, Map.of()), "title");
        assertValidation(api.post(LISTS, kim, Map.of("title", 5)), "title");
        assertValidation(api.post(LISTS, kim, Map.of("title", List.of("a"))), "title");
        assertValidation(api.post(LISTS, kim, "{\"title\":null}"), "title");
        assertValidation(api.post(LISTS, kim, Map.of("title", "   ")), "title");
        assertValidation(api.post(LISTS, kim, Map.of("title", "가".repeat(101))), "title");
        assertValidation(api.post(LISTS, kim, Map.of("title", "bad\u0007title")), "title");
        assertValidation(api.patch(list, kim, Map.of()), "title");
        assertValidation(api.patch(list, kim, Map.of("title", false)), "title");
        assertProblem(400, "MALFORMED_BODY", api.post(LISTS, kim, "{\"title\":"));
        assertProblem(400, "MALFORMED_BODY", api.post(LISTS, kim, "[\"title\"]"));
        assertProblem(400, "MALFORMED_BODY", api.raw("POST", LISTS, kim.token(), "application/json", null));

        Reply longest = api.post(LISTS, kim, Map.of("title", "😀".repeat(100)));
        assertEquals(201, longest.status(), "100 characters, counted as a person counts them");
        assertEquals(List.of("ok", "😀".repeat(100)), lists(kim).findValuesAsText("title"),
                "no invalid request stored anything (and a user who created a list first gets no default list)");
    }

    @Test
    void badTodoBodiesAre400WithEveryFieldError() {
        Session kim = newUser();
        String listId = createList(kim, "ok").get("id").asText();
        String todos = LISTS + "/" + listId + "/todos";
        String todo = todos + "/" + addTodo(kim, listId, "fine").get("id").asText();

        assertValidation(api.post(todos, kim, Map.of()), "content");
        assertValidation(api.post(todos, kim, Map.of("content", 1)), "content");
        assertValidation(api.post(todos, kim, Map.of("content", "")), "content");
        assertValidation(api.post(todos, kim, Map.of("content", "a".repeat(501))), "content");
        assertValidation(api.post(todos, kim, Map.of("content", "two\nlines")), "content");
        assertValidation(api.patch(todo, kim, Map.of()), "content");
        assertValidation(api.patch(todo, kim, Map.of("unknown", 1)), "content");
        assertValidation(api.patch(todo, kim, Map.of("done", "yes")), "done");
        assertValidation(api.patch(todo, kim, Map.of("done", 1)), "done");
        assertValidation(api.patch(todo, kim, "{\"done\":null}"), "done");
        assertValidation(api.patch(todo, kim, "{\"content\":null}"), "content");
        assertValidation(api.patch(todo, kim, Map.of("content", 7)), "content");

        Reply twoErrors = api.patch(todo, kim, Map.of("content", "", "done", "no"));
        assertValidation(twoErrors, "content");
        assertValidation(twoErrors, "done");

        assertEquals(201, api.post(todos, kim, Map.of("content", "가".repeat(500))).status());
        JsonNode stored = byId(lists(kim), listId).get("todos");
        assertEquals(List.of("fine", "가".repeat(500)), stored.findValuesAsText("content"));
        assertFalse(stored.get(0).get("done").asBoolean());
    }

    @Test
    void bodiesThatAreNotJsonAre415() {
        Session kim = newUser();
        String listId = createList(kim, "ok").get("id").asText();
        String todo = LISTS + "/" + listId + "/todos/" + addTodo(kim, listId, "fine").get("id").asText();
        byte[] body = "{\"title\":\"x\",\"content\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        assertProblem(415, "UNSUPPORTED_MEDIA_TYPE", api.raw("POST", LISTS, kim.token(), "text/plain", body));
        assertProblem(415, "UNSUPPORTED_MEDIA_TYPE", api.raw("PATCH", LISTS + "/" + listId, kim.token(), "application/xml", body));
        assertProblem(415, "UNSUPPORTED_MEDIA_TYPE", api.raw("POST", LISTS + "/" + listId + "/todos", kim.token(), null, body));
        assertProblem(415, "UNSUPPORTED_MEDIA_TYPE", api.raw("PATCH", todo, kim.token(), "application/x-www-form-urlencoded", body));
    }

    @Test
    void everyRouteNeedsAToken() {
        String id = Ids.newId();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        List<String[]> routes = List.of(
                new String[] {"GET", LISTS}, new String[] {"POST", LISTS},
                new String[] {"PATCH", LISTS + "/" + id}, new String[] {"DELETE", LISTS + "/" + id},
                new String[] {"POST", LISTS + "/" + id + "/todos"},
                new String[] {"PATCH", LISTS + "/" + id + "/todos/" + id},
                new String[] {"DELETE", LISTS + "/" + id + "/todos/" + id});
        for (String[] route : routes) {
            assertProblem(401, "UNAUTHENTICATED", api.raw(route[0], route[1], null, "application/json", body));
            assertProblem(401, "UNAUTHENTICATED", api.raw(route[0], route[1], "forged.token.value", "application/json", body));
        }
    }

    @Test
    void deletingTheAccountDeletesItsListsFromTheStore() throws Exception {
        // A node of its own, on a database this test can look into.
        MongoServer server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/stupy";
        Settings settings = TestNode.onDatabase(uri);
        try (AutoCloseable database = server::shutdownNow; TestNode own = TestNode.start(settings); MongoStore store = MongoStore.connect(uri)) {
            Api ownApi = own.api();
            Session kim = ownApi.devLogin("leaver");
            Session lee = ownApi.devLogin("stayer");
            assertEquals(200, ownApi.get(LISTS, kim).status());
            String listId = ownApi.post(LISTS, kim, Map.of("title", "mine")).body().get("id").asText();
            assertEquals(201, ownApi.post(LISTS + "/" + listId + "/todos", kim, Map.of("content", "x")).status());
            assertEquals(200, ownApi.get(LISTS, lee).status());
            MongoDatabase db = store.database();
            assertEquals(2, db.getCollection("todo_lists").countDocuments(Filters.eq("userId", kim.userId())));

            assertEquals(204, ownApi.delete("/api/users/me", kim).status());

            assertEquals(0, db.getCollection("todo_lists").countDocuments(Filters.eq("userId", kim.userId())));
            assertEquals(0, db.getCollection("todo_owners").countDocuments(Filters.eq("_id", kim.userId())));
            assertEquals(1, db.getCollection("todo_lists").countDocuments(Filters.eq("userId", lee.userId())));
            assertProblem(401, "UNAUTHENTICATED", ownApi.get(LISTS, kim));
        }
    }

    private static JsonNode byId(JsonNode lists, String id) {
        for (JsonNode list : lists) {
            if (list.get("id").asText().equals(id)) {
                return list;
            }
        }
        throw new AssertionError("no list " + id + " in " + lists);
    }
}
