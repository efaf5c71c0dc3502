package kr.co.stupy.bootstrap.live;

import java.time.Instant;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.adapter.mongo.rooms.MongoRoomPomodoros;
import kr.co.stupy.adapter.mongo.MongoStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import kr.co.stupy.adapter.redis.TestRedis;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.StupyProcess;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three nodes in this JVM sharing one database (the first node's embedded one, exposed on a port)
 * and one Redis of the test's own, with the members of a room spread over them: every WebSocket
 * rule of API.md holds across nodes, and the faults of issue 6 are survived — a node killed with
 * -9 (a child process), Redis restarted empty, Redis unreachable at start.
 * <p>
 * Only the pomodoro tests, which bound a phase change to 1 s, run alone ({@code @Tag("solo")}, see
 * bootstrap/pom.xml); the others mostly wait for reapers and restarts, which overlaps well with other work.
 */
class ManyNodesTest {

    static final String SECRET = "many-nodes-test-secret-0123456789abcdef";
    static TestRedis redis;
    static int mongoPort;
    /** The first node's database, with the credential it made: what every other node is given. */
    static String mongoUri;
    static List<TestNode> nodes = new ArrayList<>();
    static Api one;
    static Api two;
    static Api three;

    @BeforeAll
    static void start() {
        redis = TestRedis.own();
        mongoPort = freePort();
        nodes.add(TestNode.start(settings(Optional.empty(), Optional.of(mongoPort))));
        mongoUri = nodes.get(0).embeddedDatabaseUri();
        for (int i = 0; i < 2; i++) {
            nodes.add(TestNode.start(settings(Optional.of(mongoUri()), Optional.empty())));
        }
        one = nodes.get(0).api();
        two = nodes.get(1).api();
        three = nodes.get(2).api();
    }

    @AfterAll
    static void stop() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        redis.close();
    }

    static String mongoUri() {
        return mongoUri;
    }

    static Settings settings(Optional<String> mongoUri, Optional<Integer> exposeEmbedded) {
        return new Settings(0, TestNode.freshDataDir(), mongoUri, exposeEmbedded, Optional.of(redis.uri().toString()),
                Optional.of(SECRET), Optional.of(true), ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.empty(),
                Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(), List.of())
                .withLimits(TestNode.ONE_ADDRESS_LIMITS);
    }

    static Map<String, String> childEnvironment() {
        return Map.of("STUPY_PORT", "0", "STUPY_DATA_DIR", TestNode.freshDataDir().toString(), "STUPY_MONGO_URI", mongoUri(),
                "STUPY_REDIS_URI", redis.uri().toString(), "STUPY_JWT_SECRET", SECRET);
    }

    static Api.Session user(String prefix) {
        return one.devLogin(prefix + UUID.randomUUID().toString().substring(0, 6));
    }

    /** A room owned by the first session, joined by the others; made on node one, so every node must see it through the database. */
    static String room(Api.Session owner, Api.Session... members) {
        Api.Reply created = one.post("/api/rooms", owner, Map.of("title", "여럿 " + UUID.randomUUID().toString().substring(0, 8),
                "description", "노드 셋", "maxMembers", 10));
        assertEquals(201, created.status(), created.raw());
        String roomId = created.body().get("id").asText();
        for (Api.Session member : members) {
            assertEquals(200, two.post("/api/rooms/" + roomId + "/members", member, Map.of()).status());
        }
        return roomId;
    }

    static Map<String, Object> chat(String clientMsgId, String text) {
        return Map.of("type", "chat", "clientMsgId", clientMsgId, "text", text);
    }

    /**
     * Gives what the nodes sent the client before now time to arrive, then a ping's pong comes after it:
     * a delivery from another node takes a Redis round trip, and a pong no longer waits for a write
     * when the connection was beaten moments ago.
     */
    static void drain(LiveClient client) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        client.send(Map.of("type", "ping"));
        client.next("pong");
    }

    static void await(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void healthNamesTheRedisBusOnEveryNode() {
        for (Api api : List.of(one, two, three)) {
            Api.Reply health = api.get("/api/health", null);
            assertEquals(200, health.status(), health.raw());
            assertEquals("redis", health.body().get("bus").asText());
        }
    }

    static final byte[] PNG = AbstractImageStoreContract.PNG;
    static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);

    static void servedAlike(String url, String type, byte[] bytes) {
        for (Api api : List.of(one, two, three)) {
            Api.Reply image = api.raw("GET", url, null, null, null);
            assertEquals(200, image.status(), api.base() + url);
            assertEquals(type, image.contentType(), api.base() + url);
            assertArrayEquals(bytes, image.bytes(), api.base() + url);
        }
    }

    static void goneEverywhere(String url) {
        for (Api api : List.of(one, two, three)) {
            assertEquals(404, api.raw("GET", url, null, null, null).status(), api.base() + url);
        }
    }

    @Test
    void aPictureUploadedThroughOneNodeIsServedByEveryNodeAndGoneForAllWhenReplaced() {
        Api.Session han = user("han");
        Api.Reply uploaded = one.upload("PUT", "/api/users/me/image", han, "image", "me.png", "image/png", PNG);
        assertEquals(200, uploaded.status(), uploaded.raw());
        String first = uploaded.body().get("profileImageUrl").asText();
        servedAlike(first, "image/png", PNG);
        assertEquals(first, three.get("/api/users/me", han).body().get("profileImageUrl").asText());

        Api.Reply replaced = two.upload("PUT", "/api/users/me/image", han, "image", "me.gif", "image/gif", GIF);
        assertEquals(200, replaced.status(), replaced.raw());
        String second = replaced.body().get("profileImageUrl").asText();
        goneEverywhere(first);
        servedAlike(second, "image/gif", GIF);

        // A room's picture, set through the node on the shared database and served by the one that holds it.
        String roomId = room(han);
        Api.Reply roomPicture = three.upload("PUT", "/api/rooms/" + roomId + "/image", han, "image", "room.png", "image/png", PNG);
        assertEquals(200, roomPicture.status(), roomPicture.raw());
        String roomUrl = roomPicture.body().get("imageUrl").asText();
        servedAlike(roomUrl, "image/png", PNG);
        Api.Reply roomReplaced = two.upload("PUT", "/api/rooms/" + roomId + "/image", han, "image", "room.gif", "image/gif", GIF);
        assertEquals(200, roomReplaced.status(), roomReplaced.raw());
        goneEverywhere(roomUrl);
        servedAlike(roomReplaced.body().get("imageUrl").asText(), "image/gif", GIF);

        assertEquals(204, three.delete("/api/users/me", han).status());
        goneEverywhere(second);
    }

    @Test
    void membersOnThreeNodesSeeEachOtherChatOnceAndSignalAcross() {
        Api.Session kim = user("kim");
        Api.Session lee = user("lee");
        Api.Session park = user("park");
        String roomId = room(kim, lee, park);

        try (LiveClient a = LiveClient.enter(one, kim, roomId);
             LiveClient b = LiveClient.enter(two, lee, roomId);
             LiveClient c = LiveClient.enter(three, park, roomId)) {
            String aId = a.next("welcome").get("connectionId").asText();
            JsonNode welcomeB = b.next("welcome");
            String bId = welcomeB.get("connectionId").asText();
            JsonNode welcomeC = c.next("welcome");
            String cId = welcomeC.get("connectionId").asText();
            assertEquals(aId, welcomeB.at("/peers/0/connectionId").asText(), "lee on node two sees kim on node one");
            assertEquals(Set.of(aId, bId), ids(welcomeC.get("peers")), "park on node three sees both");
            assertEquals(bId, a.next("peer-joined").at("/peer/connectionId").asText());
            assertEquals(cId, a.next("peer-joined").at("/peer/connectionId").asText());
            assertEquals(cId, b.next("peer-joined").at("/peer/connectionId").asText());
            assertEquals(3, three.get("/api/rooms/" + roomId, park).body().get("liveCount").asInt());

            for (int i = 0; i < 5; i++) {
                (i % 3 == 0 ? a : i % 3 == 1 ? b : c).send(chat("m-" + i, "메시지 " + i));
            }
            // Senders on different nodes race, so the order between them is not fixed; each one's arrival is.
            for (LiveClient client : List.of(a, b, c)) {
                await(Duration.ofSeconds(10), () -> client.frames("chat").stream().map(f -> f.at("/message/clientMsgId").asText())
                        .collect(Collectors.toSet()).containsAll(Set.of("m-0", "m-1", "m-2", "m-3", "m-4")), "all five chats");
            }
            for (LiveClient client : List.of(a, b, c)) {
                drain(client);
                Map<String, Long> counts = client.frames("chat").stream().filter(f -> !f.at("/message/system").asBoolean())
                        .collect(Collectors.groupingBy(f -> f.at("/message/clientMsgId").asText(), Collectors.counting()));
                assertEquals(Map.of("m-0", 1L, "m-1", 1L, "m-2", 1L, "m-3", 1L, "m-4", 1L), counts, "each chat exactly once");
            }

            c.send(Map.of("type", "signal", "to", aId, "kind", "offer", "payload", Map.of("sdp", "v=0", "n", 7)));
            JsonNode signal = a.next("signal");
            assertEquals(cId, signal.get("from").asText());
            assertEquals(park.userId(), signal.get("fromUserId").asText());
            assertEquals(7, signal.at("/payload/n").asInt());
            drain(b);
            drain(c);
            assertTrue(b.frames("signal").isEmpty() && c.frames("signal").isEmpty(), "a signal reaches its one connection only");
        }
    }

    @Test
    void aBreakTakenOnOneNodeIsSeenOnTheOthersInFramesBoardsAndRoomCards() {
        Api.Session kim = user("kim");
        Api.Session lee = user("lee");
        String roomId = room(kim, lee);

        try (LiveClient a = LiveClient.enter(one, kim, roomId);
             LiveClient b = LiveClient.enter(two, lee, roomId)) {
            String aId = a.next("welcome").get("connectionId").asText();
            b.next("welcome");
            a.send(Map.of("type", "status", "status", "break", "subject", "물리"));
            JsonNode seen = b.next(f -> f.path("type").asText().equals("peer-status"), "kim's break on node two");
            assertEquals(aId, seen.get("connectionId").asText());
            assertEquals("break", seen.get("status").asText());
            assertEquals("물리", seen.get("subject").asText());
            b.next(f -> f.path("type").asText().equals("study") && StreamSupport.stream(f.get("leaderboard").spliterator(), false)
                    .anyMatch(e -> e.path("userId").asText().equals(kim.userId()) && e.path("status").asText().equals("break")),
                    "a board with kim on a break");
            for (Api node : List.of(one, two, three)) {
                JsonNode card = node.get("/api/rooms/" + roomId, lee).body();
                JsonNode kims = StreamSupport.stream(card.get("studyingNow").spliterator(), false)
                        .filter(m -> m.path("userId").asText().equals(kim.userId())).findFirst().orElseThrow();
                assertEquals("break", kims.get("status").asText(), "every node reads the shared presence");
            }
            assertEquals("break", three.get("/api/users/me/today", kim).body().at("/live/status").asText());
            assertEquals("물리", three.get("/api/users/me/today", kim).body().at("/live/subject").asText());
        }
    }

    @Test
    void aUsersChatBudgetIsSharedByEveryNode() {
        Api.Session kim = user("budget");
        Api.Session lee = user("reader");
        String roomId = room(kim, lee);
        int budget = (int) kr.co.stupy.application.limits.Budgets.CHAT_PER_USER.capacity();
        try (LiveClient reader = LiveClient.enter(three, lee, roomId)) {
            reader.next("welcome");
            try (LiveClient onOne = LiveClient.enter(one, kim, roomId)) {
                onOne.next("welcome");
                for (int i = 0; i < budget - 2; i++) {
                    onOne.send(chat("one-" + i, "첫 노드 " + i));
                }
                for (int i = 0; i < budget - 2; i++) {
                    String id = "one-" + i;
                    onOne.next(f -> "chat".equals(f.path("type").asText()) && id.equals(f.at("/message/clientMsgId").asText()), id);
                }
            }
            // Moving to another node starts no fresh budget: two more are allowed, the third is refused.
            try (LiveClient onTwo = LiveClient.enter(two, kim, roomId)) {
                onTwo.next("welcome");
                for (int i = 0; i < 3; i++) {
                    onTwo.send(chat("two-" + i, "둘째 노드 " + i));
                }
                JsonNode refused = onTwo.next("error");
                assertEquals("RATE_LIMITED", refused.get("code").asText());
                // The two allowed ones come back through Redis; the refused one was never stored.
                await(Duration.ofSeconds(10), () -> onTwo.frames("chat").stream().map(f -> f.at("/message/clientMsgId").asText())
                        .collect(Collectors.toSet()).containsAll(Set.of("two-0", "two-1")), "the two allowed chats");
                List<String> stored = new ArrayList<>();
                two.get("/api/rooms/" + roomId + "/messages?limit=100", kim).body().get("items")
                        .forEach(m -> stored.add(m.path("clientMsgId").asText()));
                assertEquals(Set.of("two-0", "two-1"), stored.stream().filter(id -> id.startsWith("two-")).collect(Collectors.toSet()));
                assertEquals(budget, stored.stream().filter(id -> id.startsWith("one-") || id.startsWith("two-")).count());
            }
        }
    }

    @Test
    void theFourLiveLimitAndReplacingHoldAcrossNodes() {
        Api.Session owner = user("full");
        List<Api.Session> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(user("m" + i));
        }
        String roomId = room(owner, others.toArray(Api.Session[]::new));
        List<Api> spread = List.of(one, two, three, one);
        List<LiveClient> live = new ArrayList<>();
        try {
            live.add(LiveClient.enter(one, owner, roomId));
            for (int i = 0; i < 3; i++) {
                live.add(LiveClient.enter(spread.get(i + 1), others.get(i), roomId));
            }
            live.forEach(c -> c.next("welcome"));
            try (LiveClient fifth = LiveClient.enter(two, others.get(3), roomId)) {
                assertEquals(4429, fifth.closeCode());
            }
            try (LiveClient again = LiveClient.enter(three, owner, roomId)) {
                JsonNode welcome = again.next("welcome");
                live.getFirst().next("replaced");
                assertEquals(4409, live.getFirst().closeCode(), "the old connection on node one is closed by a connect on node three");
                assertEquals(3, welcome.get("peers").size());
                JsonNode left = live.get(1).next("peer-left");
                assertEquals(owner.userId(), left.get("userId").asText());
                assertEquals(4, one.get("/api/rooms/" + roomId, owner).body().get("liveCount").asInt());
            }
        } finally {
            live.forEach(LiveClient::close);
        }
    }

    @Test
    void aKickOnOneNodeClosesTheConnectionOnAnotherAndDeletingTheRoomClosesAll() {
        Api.Session owner = user("boss");
        Api.Session guest = user("guest");
        String roomId = room(owner, guest);
        try (LiveClient a = LiveClient.enter(one, owner, roomId); LiveClient b = LiveClient.enter(two, guest, roomId)) {
            a.next("welcome");
            b.next("welcome");
            assertEquals(204, three.delete("/api/rooms/" + roomId + "/members/" + guest.userId(), owner).status());
            b.next("kicked");
            assertEquals(4403, b.closeCode());
            assertEquals(guest.userId(), a.next("peer-left").get("userId").asText());

            assertEquals(204, two.delete("/api/rooms/" + roomId, owner).status());
            a.next("room-closed");
            assertEquals(4404, a.closeCode());
        }
    }

    @Test
    void redisRestartedEmptyIsSurvived() throws Exception {
        Api.Session kim = user("restart-kim");
        Api.Session lee = user("restart-lee");
        String roomId = room(kim, lee);
        try (LiveClient a = LiveClient.enter(one, kim, roomId); LiveClient b = LiveClient.enter(two, lee, roomId)) {
            a.next("welcome");
            b.next("welcome");
            a.next("peer-joined");

            redis.stop();
            try {
                Api.Reply down = one.get("/api/health", null);
                assertEquals(503, down.status(), "the bus is down: " + down.raw());
                assertEquals("redis", down.body().get("bus").asText());
                assertEquals(200, two.get("/api/rooms/" + roomId, lee).status(), "HTTP keeps answering without Redis");
                a.send(chat("while-away", "들리나요"));
                assertEquals("UNAVAILABLE", a.next("error").get("code").asText());
                assertTrue(a.isOpen() && b.isOpen(), "live connections stay open while Redis is away");
            } finally {
                redis.start();
            }
            long back = System.nanoTime();
            await(Duration.ofSeconds(20), () -> one.get("/api/health", null).status() == 200
                    && one.get("/api/rooms/" + roomId, kim).body().path("liveCount").asInt() == 2, "both connections back in presence");
            // Cross-node delivery is back once a chat crosses; retry, since a node may still be resubscribing.
            await(Duration.ofSeconds(20), () -> {
                String id = "after-" + UUID.randomUUID().toString().substring(0, 8);
                a.send(chat(id, "돌아왔어요"));
                a.next(f -> f.at("/message/clientMsgId").asText().equals(id), "own chat");
                drain(b);
                return b.frames("chat").stream().anyMatch(f -> f.at("/message/clientMsgId").asText().equals(id));
            }, "a chat from node one reaching node two");
            long tookMillis = Duration.ofNanos(System.nanoTime() - back).toMillis();
            assertTrue(tookMillis < 20_000, "resumed after " + tookMillis + " ms");
            assertTrue(a.isOpen() && b.isOpen());
            b.send(chat("from-b", "저도요"));
            a.next(f -> f.at("/message/clientMsgId").asText().equals("from-b"), "chat from node two");
        }
    }

    @Test
    void aDepartureLostWhileRedisWasAwayReachesThePeersOnceItIsBack() throws Exception {
        Api.Session kim = user("away-kim");
        Api.Session lee = user("away-lee");
        String roomId = room(kim, lee);
        try (LiveClient a = LiveClient.enter(one, kim, roomId)) {
            a.next("welcome");
            LiveClient b = LiveClient.enter(two, lee, roomId);
            String leesConnection = b.next("welcome").get("connectionId").asText();
            a.next("peer-joined");

            redis.stop();
            try {
                // Lee leaves while node two cannot tell anyone, and Redis then comes back without any presence.
                b.close();
                await(Duration.ofSeconds(10), () -> !b.isOpen(), "lee's connection closed");
            } finally {
                redis.start();
            }
            JsonNode left = a.next(f -> "peer-left".equals(f.path("type").asText()), "the departure made up for",
                    Duration.ofSeconds(30));
            assertEquals(leesConnection, left.get("connectionId").asText());
            assertEquals(lee.userId(), left.get("userId").asText());
            await(Duration.ofSeconds(10), () -> one.get("/api/rooms/" + roomId, kim).body().path("liveCount").asInt() == 1,
                    "only kim is live");
            assertTrue(a.isOpen(), "kim stays connected throughout");
        }
    }

    @Test
    void aNodeKilledWithMinus9IsReapedByTheOthers() throws Exception {
        Api.Session kim = user("dead-kim");
        Api.Session lee = user("dead-lee");
        String roomId = room(kim, lee);
        try (StupyProcess doomed = StupyProcess.start(childEnvironment()); LiveClient b = LiveClient.enter(one, lee, roomId)) {
            b.next("welcome");
            LiveClient a = LiveClient.enter(doomed.api(), kim, roomId);
            String aId = a.next("welcome").get("connectionId").asText();
            long connectedAt = System.currentTimeMillis();
            b.next("peer-joined");
            // Study time is the thing measured: long enough for the node's periodic beat (every 15 s) to prove some, then the crash.
            Thread.sleep(17_000);
            drain(a);
            long lastBeatAfter = System.currentTimeMillis() - connectedAt;
            doomed.crash();
            long crashedAt = System.nanoTime();

            JsonNode left = b.next(f -> "peer-left".equals(f.path("type").asText()), "peer-left", Duration.ofSeconds(80));
            long tookSeconds = Duration.ofNanos(System.nanoTime() - crashedAt).toSeconds();
            assertEquals(aId, left.get("connectionId").asText());
            // Stale 45 s after its last beat (at most 15 s before the crash), seen by the next 15 s reaping pass: 60 s, plus slack for a busy machine.
            assertTrue(tookSeconds <= 70, "peer-left after " + tookSeconds + " s");
            assertEquals(1, one.get("/api/rooms/" + roomId, lee).body().get("liveCount").asInt());

            // The same reaping pass closes the session right after announcing the departure.
            await(Duration.ofSeconds(10), () -> !entryOf(roomId, lee, kim).get("live").asBoolean(), "kim no longer live");
            long counted = entryOf(roomId, lee, kim).get("studySeconds").asLong();
            assertTrue(counted >= 5 && counted <= lastBeatAfter / 1000 + 1 && counted >= lastBeatAfter / 1000 - 16,
                    "counted " + counted + " s: the session closed at its last heartbeat (at most one 15 s interval lost), "
                            + lastBeatAfter + " ms in");
        }
    }

    @Test
    @Tag("solo") // a phase change told within 1 s
    void aPomodoroStartedThroughANodeThatDiesKeepsEveryOtherNodesConnectionsInStep() throws Exception {
        Api.Session kim = user("pomo-kim");
        Api.Session lee = user("pomo-lee");
        Api.Session park = user("pomo-park");
        String roomId = room(kim, lee, park);
        try (StupyProcess starter = StupyProcess.start(childEnvironment());
             MongoStore store = MongoStore.connect(mongoUri());
             LiveClient a = LiveClient.enter(one, kim, roomId);
             LiveClient b = LiveClient.enter(two, lee, roomId);
             LiveClient c = LiveClient.enter(three, park, roomId)) {
            for (LiveClient client : List.of(a, b, c)) {
                assertTrue(client.next("welcome").get("pomodoro").isNull());
            }
            Api.Reply started = starter.api().put("/api/rooms/" + roomId + "/pomodoro", kim,
                    Map.of("focusSeconds", 60, "breakSeconds", 60, "longBreakSeconds", 0, "roundsBeforeLongBreak", 1));
            assertEquals(200, started.status(), started.raw());
            assertEquals("focus", started.body().get("phase").asText());
            starter.crash();
            for (LiveClient client : List.of(a, b, c)) {
                JsonNode heard = client.next(f -> "pomodoro".equals(f.path("type").asText()), "the start, read from the store");
                assertEquals(started.body().get("startedAt").asText(), heard.at("/pomodoro/startedAt").asText());
            }
            // As if the cycle had run for 57 s: the break begins in 3 s, on every node's own clock.
            Instant shifted = Instant.now().minusSeconds(57);
            new MongoRoomPomodoros(store.database()).start(new RoomId(roomId), Pomodoro.of(shifted, 60, 60, 0, 1));
            Instant breakBegins = shifted.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(60);
            for (LiveClient client : List.of(a, b, c)) {
                JsonNode rest = client.next(f -> "pomodoro".equals(f.path("type").asText()) && "break".equals(f.at("/pomodoro/phase").asText()),
                        "the break", Duration.ofSeconds(10));
                long lateMillis = Duration.between(breakBegins, Instant.now()).toMillis();
                assertEquals(breakBegins.toString(), Instant.parse(rest.at("/pomodoro/phaseStartedAt").asText()).toString());
                assertTrue(lateMillis <= 1_000, "the break was told " + lateMillis + " ms after it began");
            }
            Thread.sleep(1_500);
            for (LiveClient client : List.of(a, b, c)) {
                assertEquals(1, client.frames("pomodoro").stream().filter(f -> "break".equals(f.at("/pomodoro/phase").asText())).count(),
                        "each connection hears of the break once");
            }
            JsonNode kimsToday = one.get("/api/users/me/today", kim).body();
            assertEquals("break", kimsToday.at("/live/status").asText(), "the room's break is everyone's break");
            assertEquals(0, kimsToday.at("/live/sessionSeconds").asLong());
            JsonNode card = two.get("/api/rooms/" + roomId, lee).body();
            assertEquals("break", card.at("/pomodoro/phase").asText());
            for (JsonNode member : card.get("studyingNow")) {
                assertEquals("break", member.get("status").asText(), member.toString());
            }
        }
    }

    @Test
    @Tag("solo") // a phase change told within 1 s
    void pomodoroPhasesGoOnWhileRedisIsAway() throws Exception {
        Api.Session kim = user("calm-kim");
        Api.Session lee = user("calm-lee");
        String roomId = room(kim, lee);
        try (MongoStore store = MongoStore.connect(mongoUri());
             LiveClient a = LiveClient.enter(one, kim, roomId);
             LiveClient b = LiveClient.enter(two, lee, roomId)) {
            a.next("welcome");
            b.next("welcome");
            Instant shifted = Instant.now().minusSeconds(55);
            new MongoRoomPomodoros(store.database()).start(new RoomId(roomId), Pomodoro.of(shifted, 60, 60, 0, 1));
            Instant breakBegins = shifted.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(60);
            for (LiveClient client : List.of(a, b)) {
                client.next(f -> "pomodoro".equals(f.path("type").asText()) && "focus".equals(f.at("/pomodoro/phase").asText()), "the focus");
            }
            redis.stop();
            try {
                for (LiveClient client : List.of(a, b)) {
                    client.next(f -> "pomodoro".equals(f.path("type").asText()) && "break".equals(f.at("/pomodoro/phase").asText()),
                            "the break while Redis is away", Duration.ofSeconds(10));
                    long lateMillis = Duration.between(breakBegins, Instant.now()).toMillis();
                    assertTrue(lateMillis <= 1_000, "told " + lateMillis + " ms after the break began, with the bus away");
                }
            } finally {
                redis.start();
            }
            Thread.sleep(1_000);
            for (LiveClient client : List.of(a, b)) {
                drain(client);
                assertEquals(1, client.frames("pomodoro").stream().filter(f -> "break".equals(f.at("/pomodoro/phase").asText())).count(),
                        "the break told once");
            }
        }
    }

    @Test
    void aNodeStoppedGracefullyLetsItsPeersKnowAtOnce() {
        Api.Session kim = user("leaving-kim");
        Api.Session lee = user("leaving-lee");
        String roomId = room(kim, lee);
        TestNode leaving = TestNode.start(settings(Optional.of(mongoUri()), Optional.empty()));
        try (LiveClient b = LiveClient.enter(one, lee, roomId)) {
            b.next("welcome");
            LiveClient a = LiveClient.enter(leaving.api(), kim, roomId);
            String aId = a.next("welcome").get("connectionId").asText();
            b.next("peer-joined");
            leaving.close();
            assertEquals(aId, b.next("peer-left").get("connectionId").asText(), "no waiting for the reaper");
            assertEquals(1, one.get("/api/rooms/" + roomId, lee).body().get("liveCount").asInt());
        } finally {
            leaving.close();
        }
    }

    @Test
    void anUnreachableRedisStopsStartUpWithAClearMessage() {
        Map<String, String> env = new HashMap<>(childEnvironment());
        env.put("STUPY_REDIS_URI", "redis://127.0.0.1:" + freePort());
        try (StupyProcess child = StupyProcess.launch(env)) {
            long started = System.nanoTime();
            int exit = child.waitForExit(Duration.ofSeconds(60));
            assertNotEquals(0, exit);
            assertTrue(child.output().stream().anyMatch(line -> line.startsWith("stupy: cannot start: STUPY_REDIS_URI: Redis at 127.0.0.1:")),
                    String.join("\n", child.output()));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30, "no hang");
        }
    }

    private static JsonNode entryOf(String roomId, Api.Session asker, Api.Session member) {
        for (JsonNode entry : two.get("/api/rooms/" + roomId + "/leaderboard?period=all", asker).body().get("items")) {
            if (entry.get("userId").asText().equals(member.userId())) {
                return entry;
            }
        }
        throw new AssertionError("no leaderboard entry for " + member.nickname());
    }

    private static Set<String> ids(JsonNode peers) {
        Set<String> ids = new java.util.HashSet<>();
        peers.forEach(p -> ids.add(p.get("connectionId").asText()));
        return ids;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
