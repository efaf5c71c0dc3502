package kr.co.stupy.bootstrap.rooms;

import kr.co.stupy.shared.testing.Parallel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The membership invariants under parallel HTTP requests to a real node: capacity is never
 * exceeded, nobody is in more than 5 rooms, the owner is always a member, a banned user never gets
 * in, and joining twice changes nothing. Each request is released by one gate, so they really race.
 */
class RoomConcurrencyTest {

    @AutoClose
    static final TestNode node = TestNode.start();
    static final Api api = node.api();

    @RepeatedTest(3)
    void capacityIsNeverExceeded() {
        Api.Session owner = user();
        String id = create(owner, 4);
        List<Api.Session> joiners = users(30);

        List<Api.Reply> replies = parallel(joiners.size(), i -> api.post(members(id), joiners.get(i), Map.of()));

        assertEquals(3, count(replies, 200), "three free seats");
        assertEquals(27, count(replies, 409));
        replies.stream().filter(r -> r.status() == 409).forEach(r -> assertEquals("ROOM_FULL", r.code()));
        JsonNode room = api.get("/api/rooms/" + id, owner).body();
        assertEquals(4, room.get("memberCount").asInt());
        assertEquals(4, room.get("members").size());
        for (int i = 0; i < joiners.size(); i++) {
            boolean joined = replies.get(i).status() == 200;
            assertEquals(joined ? List.of(id) : List.of(), joinedRoomIds(joiners.get(i)), "memberships agree with the room");
        }
    }

    @RepeatedTest(3)
    void aUserNeverBelongsToMoreThanFiveRooms() {
        Api.Session kim = user();
        create(kim, 5);
        create(kim, 5);
        List<String> others = IntStream.range(0, 10).mapToObj(i -> create(user(), 10)).toList();

        // Eight joins and four creations at once, with two rooms already held.
        List<Api.Reply> replies = parallel(12, i -> i < 8
                ? api.post(members(others.get(i)), kim, Map.of())
                : api.post("/api/rooms", kim, Map.of("title", "mine " + i, "description", "race")));

        assertEquals(3, replies.stream().filter(r -> r.status() == 200 || r.status() == 201).count());
        replies.stream().filter(r -> r.status() == 409).forEach(r -> assertEquals("JOIN_LIMIT", r.code()));
        assertEquals(9, count(replies, 409));
        assertEquals(5, joinedRoomIds(kim).size());
        assertEquals(5, api.get("/api/rooms/mine", kim).body().get("items").size());
    }

    @RepeatedTest(3)
    void joiningTwiceInParallelChangesNothing() {
        Api.Session owner = user();
        Api.Session kim = user();
        String id = create(owner, 5);

        List<Api.Reply> replies = parallel(20, i -> api.post(members(id), kim, Map.of()));

        assertEquals(20, count(replies, 200));
        assertEquals(2, api.get("/api/rooms/" + id, owner).body().get("memberCount").asInt());
        assertEquals(List.of(id), joinedRoomIds(kim));
        // The parallel joins took and gave back their holds: the room counts once against the limit.
        for (int i = 0; i < 4; i++) {
            assertEquals(200, api.post(members(create(user(), 5)), kim, Map.of()).status());
        }
        assertEquals("JOIN_LIMIT", api.post(members(create(user(), 5)), kim, Map.of()).code());
    }

    @RepeatedTest(3)
    void aBannedUserNeverGetsIn() {
        Api.Session owner = user();
        Api.Session kim = user();
        String id = create(owner, 10);
        api.post(members(id), kim, Map.of());

        // The owner's kick races the same user leaving and joining again and again, and more joins besides.
        // A kick lands only while the user is in, so the owner tries until one does.
        List<Api.Reply> replies = parallel(4, i -> switch (i) {
            case 0 -> {
                Api.Reply kick;
                int tries = 0;
                do {
                    kick = api.delete(members(id) + "/" + kim.userId(), owner);
                } while (kick.status() == 404 && ++tries < 1000);
                yield kick;
            }
            case 1 -> {
                Api.Reply join = null;
                for (int round = 0; round < 10 && (join == null || join.status() == 200); round++) {
                    api.delete(members(id) + "/me", kim);
                    join = api.post(members(id), kim, Map.of());
                }
                yield join;
            }
            default -> {
                Api.Reply join;
                do {
                    join = api.post(members(id), kim, Map.of());
                } while (join.status() == 200);
                yield join;
            }
        });

        assertEquals(204, replies.getFirst().status(), "the kick landed");
        replies.subList(2, 4).forEach(r -> assertEquals("BANNED", r.code()));
        JsonNode room = api.get("/api/rooms/" + id, owner).body();
        List<String> memberIds = new ArrayList<>();
        room.get("members").forEach(m -> memberIds.add(m.get("userId").asText()));
        assertFalse(memberIds.contains(kim.userId()));
        assertEquals("BANNED", api.post(members(id), kim, Map.of()).code());
        assertEquals(List.of(), joinedRoomIds(kim));
    }

    @RepeatedTest(3)
    void theOwnerIsAlwaysAMember() {
        Api.Session owner = user();
        String id = create(owner, 10);
        List<Api.Session> early = users(4);
        early.forEach(member -> api.post(members(id), member, Map.of()));
        List<Api.Session> late = users(5);

        // The owner and three early members leave, the owner hands over, five newcomers join: all at once.
        List<Api.Reply> replies = parallel(10, i -> switch (i) {
            case 0 -> api.delete(members(id) + "/me", owner);
            case 1, 2, 3 -> api.delete(members(id) + "/me", early.get(i - 1));
            case 4 -> api.put("/api/rooms/" + id + "/owner", owner, Map.of("userId", early.get(3).userId()));
            default -> api.post(members(id), late.get(i - 5), Map.of());
        });

        assertEquals(4, replies.subList(0, 4).stream().filter(r -> r.status() == 204).count());
        JsonNode room = api.get("/api/rooms/" + id, early.get(3)).body();
        Set<String> memberIds = new HashSet<>();
        room.get("members").forEach(m -> memberIds.add(m.get("userId").asText()));
        Set<String> expected = new HashSet<>();
        expected.add(early.get(3).userId());
        late.forEach(s -> expected.add(s.userId()));
        assertEquals(expected, memberIds);
        assertTrue(memberIds.contains(room.get("ownerId").asText()), "the owner is a member");
        assertEquals(room.get("ownerId").asText(), room.get("members").get(0).get("userId").asText(), "and listed first");
        assertEquals(6, room.get("memberCount").asInt());
    }

    @RepeatedTest(3)
    void everyoneLeavingAtOnceDeletesTheRoomOnce() {
        Api.Session owner = user();
        String id = create(owner, 6);
        List<Api.Session> all = new ArrayList<>(users(5));
        all.forEach(member -> api.post(members(id), member, Map.of()));
        all.add(owner);

        List<Api.Reply> replies = parallel(all.size(), i -> api.delete(members(id) + "/me", all.get(i)));

        assertEquals(all.size(), count(replies, 204));
        assertEquals(404, api.get("/api/rooms/" + id, owner).status());
        all.forEach(member -> assertEquals(List.of(), joinedRoomIds(member)));
    }

    private static Api.Session user() {
        return api.devLogin("c" + UUID.randomUUID().toString().substring(0, 12));
    }

    private static List<Api.Session> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> user()).toList();
    }

    private static String create(Api.Session owner, int maxMembers) {
        Api.Reply reply = api.post("/api/rooms", owner, Map.of("title", "race", "description", "parallel", "maxMembers", maxMembers));
        assertEquals(201, reply.status(), reply.raw());
        return reply.body().get("id").asText();
    }

    private static String members(String roomId) {
        return "/api/rooms/" + roomId + "/members";
    }

    private static List<String> joinedRoomIds(Api.Session user) {
        List<String> ids = new ArrayList<>();
        api.get("/api/users/me", user).body().get("joinedRoomIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static long count(List<Api.Reply> replies, int status) {
        return replies.stream().filter(r -> r.status() == status).count();
    }

    /** Runs {@code count} requests on virtual threads, all released by one gate; replies in request order. */
    private static List<Api.Reply> parallel(int count, IntFunction<Api.Reply> request) {
        return Parallel.run(count, request::apply);
    }
}
