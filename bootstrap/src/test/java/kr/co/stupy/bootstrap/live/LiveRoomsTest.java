package kr.co.stupy.bootstrap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The WebSocket part of API.md against the real server, with the JDK's WebSocket client. */
class LiveRoomsTest {

    @AutoClose
    static final TestNode node = TestNode.start();
    static final Api api = node.api();

    /** A room owned by the first session, joined by the others. */
    static String room(Api.Session owner, Api.Session... members) {
        return api.openRoom(owner, "모각공 " + UUID.randomUUID().toString().substring(0, 8), members);
    }

    static Api.Session user(String prefix) {
        return api.devLogin(prefix + UUID.randomUUID().toString().substring(0, 6));
    }

    static Map<String, Object> chat(String clientMsgId, String text) {
        return Map.of("type", "chat", "clientMsgId", clientMsgId, "text", text);
    }

    @Test
    void ticketsAreForMembersOnlyAndSingleUse() {
        Api.Session owner = user("owner");
        String roomId = room(owner);
        Api.Reply foreign = api.post("/api/rooms/" + roomId + "/live-ticket", user("outsider"), null);
        assertEquals(403, foreign.status());
        assertEquals("NOT_MEMBER", foreign.code());
        Api.Reply malformed = api.post("/api/rooms/NOPE/live-ticket", owner, null);
        assertEquals(404, malformed.status());
        assertEquals("ROOM_NOT_FOUND", malformed.code(), "the same code the room routes give");

        Api.Reply ticket = api.post("/api/rooms/" + roomId + "/live-ticket", owner, null);
        assertEquals(200, ticket.status());
        assertTrue(ticket.body().has("expiresAt"));
        String value = ticket.body().get("ticket").asText();
        try (LiveClient first = LiveClient.connect(api, roomId, value)) {
            first.next("welcome");
            try (LiveClient replay = LiveClient.connect(api, roomId, value)) {
                assertEquals(4401, replay.closeCode());
            }
        }
        try (LiveClient forged = LiveClient.connect(api, roomId, "forged-ticket")) {
            assertEquals(4401, forged.closeCode());
        }
    }

    @Test
    void aBinaryFrameGetsAnErrorAndTheConnectionStays() {
        Api.Session owner = user("binary");
        try (LiveClient live = LiveClient.enter(api, owner, room(owner))) {
            live.next("welcome");
            live.sendBinary(new byte[] {1, 2, 3});
            JsonNode error = live.next("error");
            assertEquals("INVALID_FRAME", error.path("code").asText(), error.toString());
            live.send(Map.of("type", "ping"));
            live.next("pong");
            assertTrue(live.isOpen());
        }
    }

    @Test
    void twoMembersSeeEachOtherChatAndSignal() {
        Api.Session kim = user("kim");
        Api.Session lee = user("lee");
        String roomId = room(kim, lee);

        try (LiveClient a = LiveClient.enter(api, kim, roomId)) {
            JsonNode welcomeA = a.next("welcome");
            assertEquals(roomId, welcomeA.at("/room/id").asText());
            assertEquals(kim.userId(), welcomeA.at("/you/userId").asText());
            assertEquals(0, welcomeA.get("peers").size());
            assertTrue(welcomeA.get("leaderboard").isArray());
            String aId = welcomeA.get("connectionId").asText();

            try (LiveClient b = LiveClient.enter(api, lee, roomId)) {
                JsonNode welcomeB = b.next("welcome");
                assertEquals(aId, welcomeB.at("/peers/0/connectionId").asText());
                assertEquals(kim.userId(), welcomeB.at("/peers/0/userId").asText());
                String bId = welcomeB.get("connectionId").asText();
                assertNotEquals(aId, bId);

                JsonNode joined = a.next("peer-joined");
                assertEquals(bId, joined.at("/peer/connectionId").asText());
                assertTrue(a.next(f -> "chat".equals(f.path("type").asText()) && f.at("/message/system").asBoolean(), "join notice")
                        .at("/message/text").asText().contains(lee.nickname()));
                a.next("study");

                Api.Reply shown = api.get("/api/rooms/" + roomId, kim);
                assertTrue(shown.body().get("live").asBoolean(), shown.raw());
                assertEquals(2, shown.body().get("liveCount").asInt());

                a.send(chat("c-1", "안녕하세요 <b>반가워요</b>"));
                JsonNode atA = a.next(f -> f.at("/message/clientMsgId").asText().equals("c-1"), "own chat");
                JsonNode atB = b.next(f -> f.at("/message/clientMsgId").asText().equals("c-1"), "peer chat");
                assertEquals(atA.at("/message/id"), atB.at("/message/id"));
                assertEquals("안녕하세요 <b>반가워요</b>", atB.at("/message/text").asText());
                assertEquals(kim.nickname(), atB.at("/message/nickname").asText());
                assertFalse(atB.at("/message/system").asBoolean());

                a.send(chat("c-1", "안녕하세요 <b>반가워요</b>"));
                JsonNode ack = a.next(f -> f.at("/message/clientMsgId").asText().equals("c-1"), "ack of the resend");
                assertEquals(atA.at("/message/id"), ack.at("/message/id"));
                b.send(Map.of("type", "ping"));
                b.next("pong");
                assertEquals(1, b.frames().stream().filter(f -> f.at("/message/clientMsgId").asText().equals("c-1")).count(),
                        "the resend reaches nobody else");

                Api.Reply history = api.get("/api/rooms/" + roomId + "/messages?limit=10", lee);
                assertEquals(200, history.status());
                assertEquals(1, countUserMessages(history.body().get("items")));

                a.send(Map.of("type", "signal", "to", bId, "kind", "offer", "payload", Map.of("sdp", "v=0", "type", "offer")));
                JsonNode signal = b.next("signal");
                assertEquals(aId, signal.get("from").asText());
                assertEquals(kim.userId(), signal.get("fromUserId").asText());
                assertEquals("offer", signal.get("kind").asText());
                assertEquals("v=0", signal.at("/payload/sdp").asText());
                a.send(Map.of("type", "ping"));
                a.next("pong");
                assertTrue(a.frames("signal").isEmpty());

                Api.Reply board = api.get("/api/rooms/" + roomId + "/leaderboard?period=day&tz=Asia/Seoul", kim);
                assertEquals(200, board.status());
                assertEquals(2, board.body().get("items").size());
                assertTrue(board.body().at("/items/0/live").asBoolean());
            }
            JsonNode left = a.next("peer-left");
            assertEquals(lee.userId(), left.get("userId").asText());
        }
    }

    @Test
    void badFramesGetErrorsAndTheConnectionStaysOpen() {
        Api.Session kim = user("frames");
        String roomId = room(kim);
        try (LiveClient a = LiveClient.enter(api, kim, roomId)) {
            a.next("welcome");
            a.send("this is not json");
            assertEquals("INVALID_FRAME", a.next("error").get("code").asText());
            a.send(Map.of("type", "dance"));
            assertEquals("INVALID_FRAME", a.next("error").get("code").asText());
            a.send(Map.of("type", "chat", "clientMsgId", "x1", "text", ""));
            assertEquals("INVALID_FRAME", a.next("error").get("code").asText());
            a.send(Map.of("type", "chat", "clientMsgId", "x2", "text", 42));
            assertEquals("INVALID_FRAME", a.next("error").get("code").asText());
            a.send(Map.of("type", "signal", "to", "nobody", "kind", "offer", "payload", Map.of()));
            assertEquals("UNKNOWN_PEER", a.next("error").get("code").asText());
            a.send(Map.of("type", "ping"));
            a.next("pong");
            assertTrue(a.isOpen());
        }
    }

    @Test
    void floodsAreRateLimited() {
        Api.Session kim = user("flood");
        String roomId = room(kim);
        try (LiveClient a = LiveClient.enter(api, kim, roomId)) {
            a.next("welcome");
            for (int i = 0; i < 21; i++) {
                a.send(chat("f" + i, "message " + i));
            }
            assertEquals("RATE_LIMITED", a.next("error").get("code").asText());
            assertEquals(20, countUserMessages(api.get("/api/rooms/" + roomId + "/messages?limit=100", kim).body().get("items")));
        }
    }

    @Test
    void framesOver64KibCloseWith1009() {
        Api.Session kim = user("big");
        String roomId = room(kim);
        try (LiveClient a = LiveClient.enter(api, kim, roomId)) {
            a.next("welcome");
            a.send(chat("big", "x".repeat(70 * 1024)));
            assertEquals(1009, a.closeCode());
        }
    }

    @Test
    void theFifthLiveMemberIsRefusedAndASecondConnectionReplacesTheFirst() {
        Api.Session owner = user("full");
        List<Api.Session> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(user("m" + i));
        }
        String roomId = room(owner, others.toArray(Api.Session[]::new));
        List<LiveClient> live = new ArrayList<>();
        try {
            live.add(LiveClient.enter(api, owner, roomId));
            for (int i = 0; i < 3; i++) {
                live.add(LiveClient.enter(api, others.get(i), roomId));
            }
            live.forEach(c -> c.next("welcome"));
            try (LiveClient fifth = LiveClient.enter(api, others.get(3), roomId)) {
                assertEquals(4429, fifth.closeCode());
            }
            try (LiveClient again = LiveClient.enter(api, owner, roomId)) {
                again.next("welcome");
                live.getFirst().next("replaced");
                assertEquals(4409, live.getFirst().closeCode());
                assertTrue(again.isOpen());
            }
        } finally {
            live.forEach(LiveClient::close);
        }
    }

    @Test
    void kickingClosesTheKickedConnectionAndDeletingTheRoomClosesAll() {
        Api.Session owner = user("boss");
        Api.Session guest = user("guest");
        String roomId = room(owner, guest);
        try (LiveClient a = LiveClient.enter(api, owner, roomId); LiveClient b = LiveClient.enter(api, guest, roomId)) {
            a.next("welcome");
            b.next("welcome");
            assertEquals(204, api.delete("/api/rooms/" + roomId + "/members/" + guest.userId(), owner).status());
            b.next("kicked");
            assertEquals(4403, b.closeCode());
            a.next("peer-left");

            assertEquals(204, api.delete("/api/rooms/" + roomId, owner).status());
            a.next("room-closed");
            assertEquals(4404, a.closeCode());
        }
    }

    @Test
    void leavingTheRoomOrDeletingTheAccountEndsTheLiveConnectionHeldElsewhere() {
        Api.Session owner = user("boss");
        Api.Session leaver = user("leaver");
        Api.Session quitter = user("quitter");
        String roomId = room(owner, leaver, quitter);
        try (LiveClient a = LiveClient.enter(api, owner, roomId); LiveClient b = LiveClient.enter(api, leaver, roomId)) {
            a.next("welcome");
            b.next("welcome");
            assertEquals(204, api.delete("/api/rooms/" + roomId + "/members/me", leaver).status());
            b.next("left");
            assertEquals(4403, b.closeCode());
            assertTrue(b.frames("kicked").isEmpty(), "leaving is not being kicked");
            a.next(f -> "peer-left".equals(f.path("type").asText()) && leaver.userId().equals(f.path("userId").asText()), "the leaver's peer-left");

            try (LiveClient c = LiveClient.enter(api, quitter, roomId)) {
                c.next("welcome");
                assertEquals(204, api.delete("/api/users/me", quitter).status());
                c.next("left");
                assertEquals(4403, c.closeCode());
                a.next(f -> "peer-left".equals(f.path("type").asText()) && quitter.userId().equals(f.path("userId").asText()),
                        "the deleted account's peer-left");
            }
        }
    }

    private static long countUserMessages(JsonNode items) {
        long count = 0;
        for (JsonNode item : items) {
            if (!item.get("system").asBoolean()) {
                count++;
            }
        }
        return count;
    }
}
