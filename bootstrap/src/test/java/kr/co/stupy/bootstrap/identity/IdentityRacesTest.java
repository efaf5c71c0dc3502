package kr.co.stupy.bootstrap.identity;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.testing.Parallel;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profile and account changes that race, sent over HTTP to a node on its embedded database, which
 * the test looks into to find what no answer shows: pictures nobody uses, rooms that keep a deleted
 * account.
 */
class IdentityRacesTest {

    private static final byte[] PNG = AbstractImageStoreContract.PNG;

    private static TestNode node;
    private static MongoStore store;
    private static Api api;
    private static MongoDatabase db;

    @BeforeAll
    static void start() {
        int mongoPort = freePort();
        node = TestNode.start(TestNode.exposingEmbeddedDatabase(TestNode.freshDataDir(), mongoPort));
        store = MongoStore.connect(node.embeddedDatabaseUri());
        api = node.api();
        db = store.database();
    }

    @AfterAll
    static void stop() {
        store.close();
        node.close();
    }

    @Test
    void aNicknameChangeAndAPictureSentTogetherBothStay() {
        Api.Session kim = api.devLogin("race-kim");
        for (int round = 0; round < 20; round++) {
            String nickname = "kim" + round;
            List<Api.Reply> replies = Parallel.run(2, i -> i == 0
                    ? api.patch("/api/users/me", kim, Map.of("nickname", nickname))
                    : api.upload("PUT", "/api/users/me/image", kim, "image", "me.png", "image/png", PNG));
            replies.forEach(reply -> assertEquals(200, reply.status(), reply.raw()));

            var me = api.get("/api/users/me", kim).body();
            assertEquals(nickname, me.get("nickname").asText(), "round " + round + ": the nickname change was lost");
            assertEquals(replies.get(1).body().get("profileImageUrl").asText(), me.get("profileImageUrl").asText());
            assertEquals(200, api.get(me.get("profileImageUrl").asText(), null).status(),
                    "round " + round + ": the profile points at a deleted picture");
        }
        assertEquals(Set.of(), picturesNobodyUses());
    }

    @Test
    void parallelUploadsLeaveNoPictureNobodyUses() {
        Api.Session park = null;
        for (int round = 0; round < 20; round++) {
            if (round % 5 == 0) {
                park = api.devLogin("race-park-" + round); // a few users, so none uses up a budget of uploads
            }
            Api.Session uploader = park;
            List<Api.Reply> replies = Parallel.run(3, i ->
                    api.upload("PUT", "/api/users/me/image", uploader, "image", "me.png", "image/png", PNG));
            replies.forEach(reply -> assertEquals(200, reply.status(), reply.raw()));

            String inUse = api.get("/api/users/me", uploader).body().get("profileImageUrl").asText();
            assertEquals(200, api.get(inUse, null).status(), "round " + round + ": the picture in use was deleted");
            assertEquals(Set.of(), picturesNobodyUses(), "round " + round);
        }
    }

    @Test
    void parallelRoomPictureUploadsLeaveNoPictureNobodyUses() {
        // Room pictures were already swapped by a compare-and-set on the room's version; kept here so it stays so.
        Api.Session owner = api.devLogin("race-owner");
        String id = api.post("/api/rooms", owner, room("pictures")).body().get("id").asText();
        for (int round = 0; round < 8; round++) {
            List<Api.Reply> replies = Parallel.run(3, i ->
                    api.upload("PUT", "/api/rooms/" + id + "/image", owner, "image", "room.png", "image/png", PNG));
            replies.forEach(reply -> assertEquals(200, reply.status(), reply.raw()));

            String inUse = api.get("/api/rooms/" + id, owner).body().get("imageUrl").asText();
            assertEquals(200, api.get(inUse, null).status(), "round " + round + ": the picture in use was deleted");
            assertEquals(Set.of(), picturesNobodyUses(), "round " + round);
        }
        assertEquals(204, api.delete("/api/rooms/" + id, owner).status());
    }

    @Test
    void noRoomKeepsAnAccountDeletedWhileItCreatesAndJoins() {
        Api.Session host = api.devLogin("race-host");
        List<String> hosted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hosted.add(api.post("/api/rooms", host, room("hosted " + i)).body().get("id").asText());
        }
        for (int round = 0; round < 12; round++) {
            Api.Session doomed = api.devLogin("race-doomed-" + round);
            assertEquals(201, api.post("/api/rooms", doomed, room("early")).status());
            assertEquals(200, api.post("/api/rooms/" + hosted.getFirst() + "/members", doomed, Map.of()).status());

            List<Api.Reply> replies = Parallel.run(8, i -> i == 0
                    ? api.delete("/api/users/me", doomed)
                    : i < 5
                    ? api.post("/api/rooms", doomed, room("racing " + i))
                    : api.post("/api/rooms/" + hosted.get(i - 5) + "/members", doomed, Map.of()));

            String where = "round " + round;
            assertEquals(204, replies.getFirst().status(), replies.getFirst().raw());
            for (Api.Reply reply : replies.subList(1, replies.size())) {
                int status = reply.status();
                assertTrue(status == 200 || status == 201 || status == 401 || status == 409 && reply.code().equals("JOIN_LIMIT"),
                        where + ": " + reply.raw());
            }
            List<Document> keeping = db.getCollection("rooms")
                    .find(or(eq("ownerId", doomed.userId()), eq("members.userId", doomed.userId()))).into(new ArrayList<>());
            assertEquals(List.of(), keeping.stream().map(room -> room.getString("_id")).toList(),
                    where + ": rooms that keep the deleted account");
            assertEquals(401, api.post("/api/rooms", doomed, room("late")).status(), where);
            for (String id : hosted) {
                assertEquals(1, api.get("/api/rooms/" + id, host).body().get("memberCount").asInt(), where + ": only the host is left");
            }
        }
    }

    private static Map<String, Object> room(String title) {
        return Map.of("title", title, "description", "racing an account's deletion");
    }

    /** Stored pictures that neither a user nor a room refers to. */
    private static Set<String> picturesNobodyUses() {
        Set<String> used = new HashSet<>();
        db.getCollection("users").find().forEach(user -> addIfSet(used, user.getString("profileImage")));
        db.getCollection("rooms").find().forEach(room -> addIfSet(used, room.getString("image")));
        Set<String> unused = new HashSet<>();
        db.getCollection("images").find().forEach(image -> {
            if (!used.contains(image.getString("_id"))) {
                unused.add(image.getString("_id"));
            }
        });
        return unused;
    }

    private static void addIfSet(Set<String> keys, String key) {
        if (key != null) {
            keys.add(key);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
