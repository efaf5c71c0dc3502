package kr.co.stupy.bootstrap.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Guessing a room's password over HTTP against a real node: budgets, their answers, and what the owner is told. */
class RoomPasswordGuessingApiTest {

    private static final String SECRET = "s3cret";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @AutoClose
    static final TestNode node = TestNode.start();
    static final Api api = node.api();

    @Test
    void afterFiveWrongPasswordsTheNextIsRefusedWith429EvenTheRightOne() {
        Api.Session owner = user();
        Api.Session guesser = user();
        String members = "/api/rooms/" + lockedRoom(owner) + "/members";

        for (int i = 0; i < 5; i++) {
            Api.Reply wrong = api.post(members, guesser, Map.of("password", "guess" + i));
            assertEquals(403, wrong.status(), wrong.raw());
            assertEquals("WRONG_PASSWORD", wrong.code());
        }
        Api.Reply refused = api.post(members, guesser, Map.of("password", SECRET));

        assertEquals(429, refused.status(), refused.raw());
        assertEquals("RATE_LIMITED", refused.code());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 120, "one attempt comes back every 2 minutes: " + retryAfter);
        assertFalse(api.get("/api/rooms/" + roomOf(members), guesser).body().has("members"), "the right password did not get in");
    }

    @Test
    void theOwnerSeesHowManyWrongPasswordsWereRefusedAndNobodyElseDoes() {
        Api.Session owner = user();
        Api.Session member = user();
        Api.Session guesser = user();
        String id = lockedRoom(owner);
        assertEquals(200, api.post("/api/rooms/" + id + "/members", member, Map.of("password", SECRET)).status());
        assertEquals(0, api.get("/api/rooms/" + id, owner).body().get("refusedPasswordAttempts").asLong());

        for (int i = 0; i < 3; i++) {
            assertEquals("WRONG_PASSWORD", api.post("/api/rooms/" + id + "/members", guesser, Map.of("password", "nope" + i)).code());
        }

        Api.Reply asOwner = api.get("/api/rooms/" + id, owner);
        assertEquals(3, asOwner.body().get("refusedPasswordAttempts").asLong(), asOwner.raw());
        Api.Reply asMember = api.get("/api/rooms/" + id, member);
        assertTrue(asMember.body().has("members"));
        assertFalse(asMember.body().has("refusedPasswordAttempts"), asMember.raw());
        assertFalse(api.get("/api/rooms/" + id, guesser).body().has("refusedPasswordAttempts"));
        assertFalse(api.get("/api/rooms/mine", member).raw().contains("refusedPasswordAttempts"));

        // Since the password was set: a new one starts afresh.
        assertEquals(200, api.patch("/api/rooms/" + id, owner, Map.of("password", "newpw1")).status());
        assertEquals(0, api.get("/api/rooms/" + id, owner).body().get("refusedPasswordAttempts").asLong());
    }

    @Test
    void theCheapRefusalsComeBeforeTheWrongPassword() {
        Api.Session owner = user();
        Api.Session busy = user();
        for (int i = 0; i < 5; i++) {
            create(busy, RoomApiTest.room("mine " + i));
        }
        String locked = lockedRoom(owner);

        Api.Reply atLimit = api.post("/api/rooms/" + locked + "/members", busy, Map.of("password", "wrong1"));
        assertEquals(409, atLimit.status(), atLimit.raw());
        assertEquals("JOIN_LIMIT", atLimit.code());

        String full = create(owner, RoomApiTest.room("full", "password", SECRET, "maxMembers", 2));
        assertEquals(200, api.post("/api/rooms/" + full + "/members", user(), Map.of("password", SECRET)).status());
        Api.Reply fullRoom = api.post("/api/rooms/" + full + "/members", user(), Map.of("password", "wrong1"));
        assertEquals(409, fullRoom.status(), fullRoom.raw());
        assertEquals("ROOM_FULL", fullRoom.code());

        assertEquals(0, api.get("/api/rooms/" + locked, owner).body().get("refusedPasswordAttempts").asLong());
        assertEquals(0, api.get("/api/rooms/" + full, owner).body().get("refusedPasswordAttempts").asLong());
    }

    private static String lockedRoom(Api.Session owner) {
        return create(owner, RoomApiTest.room("잠긴 방", "password", SECRET));
    }

    private static String roomOf(String membersPath) {
        return membersPath.substring("/api/rooms/".length(), membersPath.length() - "/members".length());
    }

    private static Api.Session user() {
        return api.devLogin("g" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6));
    }

    private static String create(Api.Session owner, Map<String, Object> body) {
        Api.Reply reply = api.post("/api/rooms", owner, body);
        assertEquals(201, reply.status(), reply.raw());
        return reply.body().get("id").asText();
    }
}
