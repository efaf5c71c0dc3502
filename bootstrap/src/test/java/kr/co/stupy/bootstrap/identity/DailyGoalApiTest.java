package kr.co.stupy.bootstrap.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.studytime.MongoDailyGoals;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.DailyGoals;
import kr.co.stupy.studytime.GoalHistory;
import kr.co.stupy.studytime.StudyDayPolicy;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /api/users/me/goal} and the {@code dailyGoalMinutes} of every {@code User} answer, against
 * a real node. The node's embedded database is exposed, so the test also reads what the store keeps
 * through the store's own port.
 */
class DailyGoalApiTest {

    private static final String GOAL = "/api/users/me/goal";

    private static TestNode node;
    private static MongoStore store;
    private static Api api;
    /** The node's goals, read as the node reads them. */
    private static DailyGoals goals;

    @BeforeAll
    static void start() {
        node = TestNode.start(TestNode.exposingEmbeddedDatabase(TestNode.freshDataDir(), freePort()));
        store = MongoStore.connect(node.embeddedDatabaseUri());
        api = node.api();
        goals = new MongoDailyGoals(store.database());
    }

    @AfterAll
    static void stop() {
        store.close();
        node.close();
    }

    @Test
    void aGoalIsSetReplacedAndClearedAndEveryUserAnswerShowsIt() {
        Api.Reply login = api.post("/api/auth/dev-login", null, Map.of("nickname", "goal-kim"));
        assertEquals(200, login.status(), login.raw());
        JsonNode fresh = login.body().get("user");
        assertTrue(fresh.has("dailyGoalMinutes") && fresh.get("dailyGoalMinutes").isNull(), "a new user has no goal: " + fresh);
        var kim = new Api.Session(login.body().get("token").asText(), fresh.get("id").asText(), "goal-kim");
        LocalDate before = today();

        JsonNode set = ok(api.put(GOAL, kim, Map.of("dailyMinutes", 90)));
        assertEquals(90, set.get("dailyGoalMinutes").asInt());
        assertEquals(Set.of("id", "nickname", "email", "profileImageUrl", "providers", "joinedRoomIds", "dailyGoalMinutes"),
                fieldNames(set), "the answer is the whole User");
        assertEquals(90, goalOf(kim));

        assertEquals(30, ok(api.put(GOAL, kim, Map.of("dailyMinutes", 30))).get("dailyGoalMinutes").asInt());
        assertEquals(30, goalOf(kim));
        // Every other answer that is a User shows it too: a profile change, a picture, a login.
        assertEquals(30, ok(api.patch("/api/users/me", kim, Map.of("nickname", "목표김"))).get("dailyGoalMinutes").asInt());
        assertEquals(30, ok(api.upload("PUT", "/api/users/me/image", kim, "image", "me.png", "image/png",
                AbstractImageStoreContract.PNG)).get("dailyGoalMinutes").asInt());
        Api.Reply again = api.post("/api/auth/dev-login", null, Map.of("guestSecret", login.body().get("guestSecret").asText()));
        assertEquals(30, ok(again).at("/user/dailyGoalMinutes").asInt());

        JsonNode cleared = ok(api.put(GOAL, kim, nullGoal()));
        assertTrue(cleared.get("dailyGoalMinutes").isNull());
        assertTrue(api.get("/api/users/me", kim).body().get("dailyGoalMinutes").isNull());

        // Three settings on one study day are one setting of that day: the last one, a clearing.
        GoalHistory history = goals.history(UserId.parse(kim.userId()).orElseThrow());
        assertEquals(Optional.empty(), history.current());
        assertEquals(1, history.settings().size(), history.toString());
        LocalDate day = history.settings().firstKey();
        assertTrue(day.equals(before) || day.equals(today()), "filed under today's study day: " + day);
    }

    @Test
    void badGoalsAre400WithTheFieldNamedAndChangeNothing() {
        Api.Session lee = api.devLogin("goal-lee");
        ok(api.put(GOAL, lee, Map.of("dailyMinutes", 60)));

        for (String body : List.of("{\"dailyMinutes\":29}", "{\"dailyMinutes\":961}", "{\"dailyMinutes\":\"60\"}",
                "{\"dailyMinutes\":60.5}", "{}", "{\"minutes\":60}", "{\"dailyMinutes\":true}")) {
            Api.Reply refused = api.send("PUT", GOAL, lee, body);
            assertEquals(400, refused.status(), body + " -> " + refused.raw());
            assertEquals("application/problem+json", refused.contentType(), body);
            assertEquals("VALIDATION_FAILED", refused.code(), body);
            assertEquals("dailyMinutes", refused.body().at("/errors/0/field").asText(), body);
        }
        for (String broken : List.of("{\"dailyMinutes\":", "[60]", "60", "{dailyMinutes: 60}")) {
            Api.Reply refused = api.send("PUT", GOAL, lee, broken);
            assertEquals(400, refused.status(), broken + " -> " + refused.raw());
            assertEquals("MALFORMED_BODY", refused.code(), broken);
        }
        assertEquals(415, api.raw("PUT", GOAL, lee.token(), "text/plain", "{\"dailyMinutes\":60}".getBytes()).status());
        assertEquals(401, api.put(GOAL, null, Map.of("dailyMinutes", 60)).status());

        assertEquals(60, goalOf(lee), "no refused request changed the goal");
        assertEquals(Optional.of(new DailyGoal(60)), goals.history(UserId.parse(lee.userId()).orElseThrow()).current());
    }

    @Test
    void parallelChangesEndWithOneOfTheValuesSent() {
        Api.Session park = api.devLogin("goal-park");
        int count = 12;
        List<Api.Reply> replies = Parallel.run(count, i -> api.put(GOAL, park, Map.of("dailyMinutes", 30 + 10 * i)));
        replies.forEach(reply -> assertEquals(200, reply.status(), reply.raw()));

        int shown = goalOf(park);
        assertTrue(shown >= 30 && shown <= 30 + 10 * (count - 1) && shown % 10 == 0, "one of the values sent: " + shown);
        assertEquals(Optional.of(new DailyGoal(shown)), goals.history(UserId.parse(park.userId()).orElseThrow()).current(),
                "the answer is what the store keeps");
    }

    @Test
    void aDeletedAccountsGoalsAreGoneFromTheStore() {
        Api.Session choi = api.devLogin("goal-choi");
        Api.Session han = api.devLogin("goal-han");
        ok(api.put(GOAL, choi, Map.of("dailyMinutes", 120)));
        ok(api.put(GOAL, han, Map.of("dailyMinutes", 45)));
        UserId choiId = UserId.parse(choi.userId()).orElseThrow();
        assertFalse(goals.history(choiId).settings().isEmpty());

        assertEquals(204, api.delete("/api/users/me", choi).status());

        assertEquals(GoalHistory.NONE, goals.history(choiId), "the account's goals went with it");
        assertEquals(0, store.database().getCollection("study_daily_goals").countDocuments(new Document("userId", choi.userId())));
        assertEquals(401, api.put(GOAL, choi, Map.of("dailyMinutes", 60)).status(), "its token sets nothing any more");
        assertEquals(GoalHistory.NONE, goals.history(choiId));
        assertEquals(45, goalOf(han), "another account's goal stays");
    }

    private static int goalOf(Api.Session user) {
        JsonNode me = ok(api.get("/api/users/me", user));
        assertTrue(me.get("dailyGoalMinutes").isInt(), me.toString());
        return me.get("dailyGoalMinutes").asInt();
    }

    private static JsonNode ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.raw());
        return reply.body();
    }

    private static Map<String, Object> nullGoal() {
        Map<String, Object> body = new HashMap<>();
        body.put("dailyMinutes", null);
        return body;
    }

    /** The node runs with the default zone and day start (Asia/Seoul, 05:00). */
    private static LocalDate today() {
        return StudyDayPolicy.DEFAULT.dayOf(Instant.now());
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
