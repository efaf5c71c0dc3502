package kr.co.stupy.bootstrap.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.rooms.MongoRoomQuotas;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.application.image.TestImages;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The rooms part of the contract, end to end over HTTP against a real node. */
class RoomApiTest {

    private static final byte[] PNG = AbstractImageStoreContract.PNG;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @AutoClose
    static final TestNode node = TestNode.start();
    static final Api api = node.api();

    static Api.Session user() {
        return api.devLogin("r" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6));
    }

    static Map<String, Object> room(String title, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "함께 공부해요");
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static String create(Api.Session owner, Map<String, Object> body) {
        Api.Reply reply = api.post("/api/rooms", owner, body);
        assertEquals(201, reply.status(), reply.raw());
        return reply.body().get("id").asText();
    }

    @Test
    void searchesStatisticsAndRankingsShareOneBudgetPerUser() {
        var strict = TestNode.settings(TestNode.freshDataDir(), java.util.Optional.of(true)).withLimits(
                new kr.co.stupy.application.limits.Budgets(Map.of(kr.co.stupy.application.limits.Budgets.READ_PER_USER.name(),
                        kr.co.stupy.application.limits.Budgets.READ_PER_USER.as(3, Duration.ofMinutes(1)))));
        try (TestNode limited = TestNode.start(strict)) {
            Api limitedApi = limited.api();
            Api.Session reader = limitedApi.devLogin("reader");
            assertEquals(200, limitedApi.get("/api/rooms?q=graph", reader).status());
            assertEquals(200, limitedApi.get("/api/users/me/stats", reader).status());
            assertEquals(200, limitedApi.get("/api/rankings/rooms?period=week", reader).status());
            Api.Reply refused = limitedApi.get("/api/rooms", reader);
            assertEquals(429, refused.status(), refused.raw());
            assertEquals("RATE_LIMITED", refused.code());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertEquals(200, limitedApi.get("/api/rooms/mine", reader).status(), "cheap reads are not counted");
            assertEquals(200, limitedApi.get("/api/rooms", limitedApi.devLogin("other")).status(), "the budget is per user");
        }
    }

    @Test
    void createAnswers201WithLocationAndExactlyTheRoomFields() {
        Api.Session owner = user();
        Api.Reply reply = api.post("/api/rooms", owner, room("  자바 스터디 ", "password", "s3cret",
                "hashtags", List.of("#Java", "java", "SPRING"), "openChatUrl", "https://open.kakao.com/o/gAbc", "maxMembers", 4));

        assertEquals(201, reply.status(), reply.raw());
        JsonNode room = reply.body();
        assertEquals("/api/rooms/" + room.get("id").asText(), reply.headers().firstValue("Location").orElseThrow());
        Set<String> fields = new HashSet<>();
        room.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("id", "title", "description", "hashtags", "openChatUrl", "maxMembers", "memberCount", "ownerId",
                "locked", "imageUrl", "live", "liveCount", "totalStudySeconds", "rank", "createdAt", "todayStudySeconds", "studyingNow"), fields);
        assertEquals("자바 스터디", room.get("title").asText());
        assertEquals(List.of("java", "spring"), List.of(room.get("hashtags").get(0).asText(), room.get("hashtags").get(1).asText()));
        assertEquals(2, room.get("hashtags").size());
        assertEquals(4, room.get("maxMembers").asInt());
        assertEquals(1, room.get("memberCount").asInt());
        assertEquals(owner.userId(), room.get("ownerId").asText());
        assertTrue(room.get("locked").asBoolean());
        assertTrue(room.get("imageUrl").isNull());
        assertFalse(room.get("live").asBoolean());
        assertEquals(0, room.get("liveCount").asInt());
        assertEquals(0, room.get("totalStudySeconds").asLong());
        assertTrue(room.get("rank").asLong() >= 1);
        assertTrue(room.get("createdAt").asText().endsWith("Z"));
        assertFalse(reply.raw().contains("s3cret"));
        assertFalse(reply.raw().contains("pbkdf2"));

        Api.Reply defaults = api.post("/api/rooms", owner, room("open room"));
        assertEquals(5, defaults.body().get("maxMembers").asInt());
        assertFalse(defaults.body().get("locked").asBoolean());
        assertTrue(defaults.body().get("openChatUrl").isNull());
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        Api.Reply reply = api.post("/api/rooms", user(), Map.of("title", "", "description", "x".repeat(301),
                "password", "abc", "hashtags", List.of("two words"), "openChatUrl", "https://evil.example/o/1"));
        assertEquals(400, reply.status());
        assertEquals("VALIDATION_FAILED", reply.code());
        Set<String> fields = new HashSet<>();
        reply.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(Set.of("title", "description", "password", "hashtags", "openChatUrl"), fields);

        assertEquals(400, api.post("/api/rooms", user(), room("t", "maxMembers", 11)).status());
        assertEquals(400, api.post("/api/rooms", user(), room("t", "maxMembers", 1)).status());
        assertEquals(400, api.post("/api/rooms", user(), room("t", "maxMembers", "5")).status());
        assertEquals(400, api.post("/api/rooms", user(), room("t", "hashtags",
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"))).status());
    }

    @Test
    void aSixthRoomIsRefusedWithJoinLimit() {
        Api.Session owner = user();
        for (int i = 0; i < 5; i++) {
            create(owner, room("room " + i));
        }
        Api.Reply sixth = api.post("/api/rooms", owner, room("one too many"));
        assertEquals(409, sixth.status());
        assertEquals("JOIN_LIMIT", sixth.code());

        String other = create(user(), room("elsewhere"));
        assertEquals("JOIN_LIMIT", api.post("/api/rooms/" + other + "/members", owner, Map.of()).code());
        assertEquals(5, api.get("/api/users/me", owner).body().get("joinedRoomIds").size());
    }

    @Test
    void placesLeftHeldByADeadProcessAreRepairedWhileAJoinInFlightKeepsItsOwn() throws Exception {
        // A node of its own, on a database this test can plant leaked places in.
        MongoServer server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/stupy";
        try (AutoCloseable database = server::shutdownNow; TestNode own = TestNode.start(TestNode.onDatabase(uri));
             MongoStore store = MongoStore.connect(uri)) {
            Api ownApi = own.api();
            Api.Session kim = ownApi.devLogin("leaky");
            MongoDatabase db = store.database();
            MongoRoomQuotas quotas = new MongoRoomQuotas(db);
            // A place an earlier version left behind (a number of holds, no time), for a room never written.
            db.getCollection("room_quotas").insertOne(new Document("_id", kim.userId())
                    .append("rooms", new Document(RoomId.newId().value(), 1)).append("count", 1));
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Api.Reply created = ownApi.post("/api/rooms", kim, room("room " + i));
                assertEquals(201, created.status(), created.raw());
                mine.add(created.body().get("id").asText());
            }

            Api.Reply fifth = ownApi.post("/api/rooms", kim, room("fifth"));
            assertEquals(201, fifth.status(), "the leaked place was given back: " + fifth.raw());
            assertEquals(5, quotas.held(new UserId(kim.userId())).size());
            assertEquals("JOIN_LIMIT", ownApi.post("/api/rooms", kim, room("sixth")).code());

            // A place taken a moment ago, as by a join still on its way to the room: kept.
            UserId kimId = new UserId(kim.userId());
            assertEquals(204, ownApi.delete("/api/rooms/" + mine.getFirst() + "/members/me", kim).status());
            RoomHold inFlight = quotas.hold(kimId, RoomId.newId(), Instant.now().truncatedTo(ChronoUnit.MILLIS), 5).orElseThrow();
            assertEquals("JOIN_LIMIT", ownApi.post("/api/rooms", kim, room("too soon")).code());
            assertTrue(quotas.holds(kimId).contains(inFlight));
            // The same, but taken an hour ago: given back.
            quotas.release(kimId, inFlight);
            quotas.hold(kimId, RoomId.newId(), Instant.now().minus(Duration.ofHours(1)), 5).orElseThrow();
            assertEquals(201, ownApi.post("/api/rooms", kim, room("at last")).status());
            assertEquals(5, ownApi.get("/api/users/me", kim).body().get("joinedRoomIds").size());
        }
    }

    @Test
    void membersSeeTheMemberListOwnerFirstOthersDoNot() {
        Api.Session owner = user();
        Api.Session kim = user();
        Api.Session lee = user();
        String id = create(owner, room("members"));
        assertEquals(200, api.post("/api/rooms/" + id + "/members", kim, null).status());
        assertEquals(200, api.post("/api/rooms/" + id + "/members", lee, Map.of()).status());
        api.put("/api/rooms/" + id + "/owner", owner, Map.of("userId", lee.userId()));

        JsonNode asMember = api.get("/api/rooms/" + id, kim).body();
        List<String> order = new ArrayList<>();
        asMember.get("members").forEach(m -> order.add(m.get("userId").asText()));
        assertEquals(List.of(lee.userId(), owner.userId(), kim.userId()), order);
        JsonNode first = asMember.get("members").get(0);
        assertEquals(lee.nickname(), first.get("nickname").asText());
        assertTrue(first.get("owner").asBoolean());
        assertTrue(first.has("profileImageUrl"));
        assertTrue(first.get("joinedAt").asText().endsWith("Z"));
        assertEquals(3, asMember.get("memberCount").asInt());

        assertFalse(api.get("/api/rooms/" + id, user()).body().has("members"));
        assertEquals(404, api.get("/api/rooms/NOT-AN-ID", owner).status());
        assertEquals("ROOM_NOT_FOUND", api.get("/api/rooms/01ARZ3NDEKTSV4RRFFQ69G5FAV", owner).code());
    }

    @Test
    void onlyTheOwnerEditsAndCapacityNeverDropsBelowTheMembers() {
        Api.Session owner = user();
        Api.Session kim = user();
        String id = create(owner, room("edit me", "openChatUrl", "https://open.kakao.com/o/1"));
        api.post("/api/rooms/" + id + "/members", kim, Map.of());

        Api.Reply notOwner = api.patch("/api/rooms/" + id, kim, Map.of("title", "mine now"));
        assertEquals(403, notOwner.status());
        assertEquals("NOT_OWNER", notOwner.code());
        Api.Reply tooSmall = api.patch("/api/rooms/" + id, owner, Map.of("maxMembers", 2));
        assertEquals(200, tooSmall.status(), "two members fit two seats");
        Api.Reply below = api.patch("/api/rooms/" + id, owner, Map.of("maxMembers", 3));
        assertEquals(200, below.status());
        api.post("/api/rooms/" + id + "/members", user(), Map.of());
        Api.Reply conflict = api.patch("/api/rooms/" + id, owner, Map.of("maxMembers", 2));
        assertEquals(409, conflict.status());

        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", "renamed");
        changes.put("hashtags", List.of("#New"));
        changes.put("openChatUrl", null);
        JsonNode edited = api.patch("/api/rooms/" + id, owner, changes).body();
        assertEquals("renamed", edited.get("title").asText());
        assertEquals("new", edited.get("hashtags").get(0).asText());
        assertTrue(edited.get("openChatUrl").isNull());
        assertEquals("함께 공부해요", edited.get("description").asText());
    }

    @Test
    void aPasswordCanBeSetChangedAndRemoved() {
        Api.Session owner = user();
        String id = create(owner, room("locked later"));
        String members = "/api/rooms/" + id + "/members";

        assertTrue(api.patch("/api/rooms/" + id, owner, Map.of("password", "first1")).body().get("locked").asBoolean());
        Api.Session kim = user();
        assertEquals("WRONG_PASSWORD", api.post(members, kim, Map.of("password", "nope")).code());
        assertEquals("WRONG_PASSWORD", api.post(members, kim, null).code());
        api.patch("/api/rooms/" + id, owner, Map.of("password", "second2"));
        assertEquals("WRONG_PASSWORD", api.post(members, kim, Map.of("password", "first1")).code());
        assertEquals(200, api.post(members, kim, Map.of("password", "second2")).status());
        assertEquals(200, api.post(members, kim, Map.of("password", "whatever")).status(), "a member joining again needs nothing");

        Map<String, Object> open = new LinkedHashMap<>();
        open.put("password", null);
        assertFalse(api.patch("/api/rooms/" + id, owner, open).body().get("locked").asBoolean());
        assertEquals(200, api.post(members, user(), null).status());
    }

    @Test
    void theOwnerReplacesTheImageAndTheOldPictureGoes() {
        Api.Session owner = user();
        String id = create(owner, room("pictures"));
        Api.Reply first = api.upload("PUT", "/api/rooms/" + id + "/image", owner, "image", "a.png", "image/png", PNG);
        assertEquals(200, first.status(), first.raw());
        String firstUrl = first.body().get("imageUrl").asText();
        assertEquals(200, api.get(firstUrl, null).status());

        Api.Reply second = api.upload("PUT", "/api/rooms/" + id + "/image", owner, "image", "b.png", "image/png", PNG);
        assertEquals(404, api.get(firstUrl, null).status());
        String secondUrl = second.body().get("imageUrl").asText();
        assertEquals(200, api.get(secondUrl, null).status());

        Api.Session kim = user();
        api.post("/api/rooms/" + id + "/members", kim, Map.of());
        assertEquals(403, api.upload("PUT", "/api/rooms/" + id + "/image", kim, "image", "c.png", "image/png", PNG).status());
        assertEquals(400, api.upload("PUT", "/api/rooms/" + id + "/image", owner, "image", "x.png", "image/png",
                "not an image".getBytes(StandardCharsets.UTF_8)).status());

        assertEquals(204, api.delete("/api/rooms/" + id, owner).status());
        assertEquals(404, api.get(secondUrl, null).status(), "deleting the room deletes its picture");
    }

    @Test
    void aRoomPictureDeclaringHugeDimensionsIsRefusedAndTheOldOneStays() {
        Api.Session owner = user();
        String id = create(owner, room("huge picture"));
        String kept = api.upload("PUT", "/api/rooms/" + id + "/image", owner, "image", "a.png", "image/png", PNG)
                .body().get("imageUrl").asText();

        Api.Reply refused = api.upload("PUT", "/api/rooms/" + id + "/image", owner, "image", "huge.webp", "image/webp",
                TestImages.webpExtended(20000, 20000));

        assertEquals(400, refused.status(), refused.raw());
        assertEquals("IMAGE_TOO_LARGE_DIMENSIONS", refused.body().get("code").asText());
        assertEquals(kept, api.get("/api/rooms/" + id, owner).body().get("imageUrl").asText());
    }

    @Test
    void onlyTheOwnerDeletesAndEveryMemberIsFreed() {
        Api.Session owner = user();
        Api.Session kim = user();
        String id = create(owner, room("short lived"));
        api.post("/api/rooms/" + id + "/members", kim, Map.of());

        assertEquals("NOT_OWNER", api.delete("/api/rooms/" + id, kim).code());
        assertEquals(204, api.delete("/api/rooms/" + id, owner).status());
        assertEquals(404, api.get("/api/rooms/" + id, owner).status());
        assertEquals(0, api.get("/api/users/me", kim).body().get("joinedRoomIds").size());
        assertEquals(404, api.delete("/api/rooms/" + id, owner).status());
    }

    @Test
    void theOwnerLeavingHandsOverAndTheLastMemberLeavingDeletes() {
        Api.Session owner = user();
        Api.Session kim = user();
        Api.Session lee = user();
        String id = create(owner, room("leaving"));
        api.post("/api/rooms/" + id + "/members", kim, Map.of());
        api.post("/api/rooms/" + id + "/members", lee, Map.of());

        assertEquals(204, api.delete("/api/rooms/" + id + "/members/me", owner).status());
        assertEquals(kim.userId(), api.get("/api/rooms/" + id, lee).body().get("ownerId").asText());
        assertEquals("NOT_MEMBER", api.delete("/api/rooms/" + id + "/members/me", owner).code());
        assertEquals(204, api.delete("/api/rooms/" + id + "/members/me", kim).status());
        assertEquals(lee.userId(), api.get("/api/rooms/" + id, lee).body().get("ownerId").asText());
        assertEquals(204, api.delete("/api/rooms/" + id + "/members/me", lee).status());
        assertEquals(404, api.get("/api/rooms/" + id, lee).status());
    }

    @Test
    void ownershipGoesOnlyToAMember() {
        Api.Session owner = user();
        Api.Session kim = user();
        String id = create(owner, room("handover"));
        Api.Reply stranger = api.put("/api/rooms/" + id + "/owner", owner, Map.of("userId", kim.userId()));
        assertEquals(404, stranger.status());
        assertEquals("NOT_MEMBER", stranger.code());
        api.post("/api/rooms/" + id + "/members", kim, Map.of());
        assertEquals("NOT_OWNER", api.put("/api/rooms/" + id + "/owner", kim, Map.of("userId", kim.userId())).code());
        Api.Reply handed = api.put("/api/rooms/" + id + "/owner", owner, Map.of("userId", kim.userId()));
        assertEquals(200, handed.status());
        assertEquals(kim.userId(), handed.body().get("ownerId").asText());
    }

    @Test
    void aKickedUserIsBannedUntilTheOwnerLiftsTheBan() {
        Api.Session owner = user();
        Api.Session kim = user();
        String id = create(owner, room("strict"));
        api.post("/api/rooms/" + id + "/members", kim, Map.of());

        assertEquals("NOT_OWNER", api.delete("/api/rooms/" + id + "/members/" + owner.userId(), kim).code());
        assertEquals(204, api.delete("/api/rooms/" + id + "/members/" + kim.userId(), owner).status());
        assertEquals("BANNED", api.post("/api/rooms/" + id + "/members", kim, Map.of()).code());
        assertEquals(0, api.get("/api/users/me", kim).body().get("joinedRoomIds").size());
        JsonNode bans = api.get("/api/rooms/" + id + "/bans", owner).body().get("items");
        assertEquals(1, bans.size());
        assertEquals(kim.userId(), bans.get(0).get("userId").asText());
        assertEquals(kim.nickname(), bans.get(0).get("nickname").asText());
        assertEquals(403, api.get("/api/rooms/" + id + "/bans", kim).status());
        assertEquals(404, api.delete("/api/rooms/" + id + "/members/" + kim.userId(), owner).status());

        assertEquals(204, api.delete("/api/rooms/" + id + "/bans/" + kim.userId(), owner).status());
        assertEquals(0, api.get("/api/rooms/" + id + "/bans", owner).body().get("items").size());
        assertEquals(200, api.post("/api/rooms/" + id + "/members", kim, Map.of()).status());
    }

    @Test
    void mineListsEveryRoomOfTheUserWithTheOwnerFlag() {
        Api.Session kim = user();
        String own = create(kim, room("kim's"));
        String other = create(user(), room("someone's"));
        api.post("/api/rooms/" + other + "/members", kim, Map.of());

        JsonNode items = api.get("/api/rooms/mine", kim).body().get("items");
        assertEquals(2, items.size());
        assertEquals(own, items.get(0).get("id").asText());
        assertTrue(items.get(0).get("owner").asBoolean());
        assertEquals(other, items.get(1).get("id").asText());
        assertFalse(items.get(1).get("owner").asBoolean());
        assertEquals(List.of(own, other), List.of(api.get("/api/users/me", kim).body().get("joinedRoomIds").get(0).asText(),
                api.get("/api/users/me", kim).body().get("joinedRoomIds").get(1).asText()));
    }

    @Test
    void aDeletedAccountLeavesEveryRoomAndOwnershipPassesOn() {
        Api.Session owner = user();
        Api.Session kim = user();
        String shared = create(owner, room("shared"));
        String alone = create(owner, room("alone"));
        api.post("/api/rooms/" + shared + "/members", kim, Map.of());

        assertEquals(204, api.delete("/api/users/me", owner).status());
        JsonNode room = api.get("/api/rooms/" + shared, kim).body();
        assertEquals(kim.userId(), room.get("ownerId").asText());
        assertEquals(1, room.get("memberCount").asInt());
        assertEquals(404, api.get("/api/rooms/" + alone, kim).status());
    }

    @Test
    void searchTakesTextLiterallyAndCaseInsensitively() {
        String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        Api.Session owner = user();
        String java = create(owner, room("JAVA " + marker, "description", "정규식 (.*) 공부"));
        String korean = create(owner, room("토익 " + marker, "description", "아침 java 단어"));
        create(user(), room("unrelated"));

        assertEquals(List.of(korean, java), ids(search("q=" + marker.toUpperCase() + "&sort=latest", owner)));
        assertEquals(List.of(java), ids(search("q=" + enc("(.*)") + "&hashtag=", owner)));
        assertEquals(List.of(), ids(search("q=" + enc("정규식.*공부"), owner)), "regex characters are plain text");
        assertEquals(List.of(korean), ids(search("q=" + enc("아침 JAVA"), owner)));
        Api.Reply none = search("q=" + enc("{\"$ne\":null}"), owner);
        assertEquals(200, none.status());
        assertEquals(0, none.body().get("items").size());
        assertTrue(none.body().get("nextCursor").isNull());
    }

    @Test
    void searchFindsExactHashtagsWithOrWithoutHash() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        Api.Session owner = user();
        String tagged = create(owner, room("tagged", "hashtags", List.of(tag, "other")));
        create(owner, room("longer tag", "hashtags", List.of(tag + "x")));

        assertEquals(List.of(tagged), ids(search("hashtag=" + enc("#" + tag.toUpperCase()), owner)));
        assertEquals(List.of(tagged), ids(search("hashtag=" + tag, owner)));
    }

    @Test
    void searchSortsAndFiltersOpenRooms() {
        String marker = "s" + UUID.randomUUID().toString().substring(0, 8);
        Api.Session owner = user();
        String full = create(owner, room("full " + marker, "maxMembers", 2));
        String busy = create(owner, room("busy " + marker));
        String fresh = create(owner, room("fresh " + marker));
        api.post("/api/rooms/" + full + "/members", user(), Map.of());
        api.post("/api/rooms/" + busy + "/members", user(), Map.of());
        api.post("/api/rooms/" + busy + "/members", user(), Map.of());

        assertEquals(List.of(fresh, busy, full), ids(search("q=" + marker, owner)));
        assertEquals(List.of(busy, full, fresh), ids(search("q=" + marker + "&sort=popular", owner)));
        assertEquals(List.of(fresh, busy), ids(search("q=" + marker + "&sort=open", owner)));
        assertEquals(Set.of(fresh, busy, full), new HashSet<>(ids(search("q=" + marker + "&sort=studied", owner))));
    }

    @Test
    void badSearchParametersAre400() {
        Api.Session owner = user();
        assertEquals(400, search("sort=best", owner).status());
        assertEquals(400, search("limit=0", owner).status());
        assertEquals(400, search("limit=101", owner).status());
        assertEquals(400, search("limit=ten", owner).status());
        assertEquals(400, search("cursor=garbage", owner).status());
        assertEquals(400, search("q=" + "x".repeat(101), owner).status());
        assertEquals(400, search("hashtag=" + enc("two words"), owner).status());
        assertEquals(401, api.get("/api/rooms", null).status());
    }

    @Test
    void pagesNeitherSkipNorRepeatWhileRoomsAreCreated() {
        String marker = "p" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Api.Session owner = user();
            for (int j = 0; j < 3; j++) {
                existing.add(create(owner, room(marker + " " + i + "-" + j)));
            }
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        Api.Session newcomer = user();
        int page = 0;
        do {
            Api.Reply reply = search("q=" + marker + "&limit=5" + (cursor == null ? "" : "&cursor=" + cursor), newcomer);
            assertEquals(200, reply.status());
            seen.addAll(ids(reply));
            if (page++ < 3) {
                create(newcomer, room(marker + " new " + page));
            }
            cursor = reply.body().get("nextCursor").isNull() ? null : reply.body().get("nextCursor").asText();
        } while (cursor != null);

        assertEquals(existing.size(), seen.size(), "no room twice");
        assertEquals(existing, new HashSet<>(seen));
    }

    private static Api.Reply search(String query, Api.Session as) {
        return api.get("/api/rooms?" + query, as);
    }

    private static List<String> ids(Api.Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
