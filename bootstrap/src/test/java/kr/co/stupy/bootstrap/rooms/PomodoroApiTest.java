package kr.co.stupy.bootstrap.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Test;

/** The room pomodoro over HTTP and the socket on one node. */
class PomodoroApiTest {

    static Map<String, Object> lengths(Object focus, Object rest, Object longRest, Object rounds) {
        Map<String, Object> body = new HashMap<>();
        body.put("focusSeconds", focus);
        body.put("breakSeconds", rest);
        body.put("longBreakSeconds", longRest);
        body.put("roundsBeforeLongBreak", rounds);
        return body;
    }

    @Test
    void theOwnerStartsAndStopsItMembersSeeItLiveAndEveryMistakeIsRefused() {
        try (TestNode node = TestNode.start()) {
            Api api = node.api();
            Api.Session kim = api.devLogin("pomo-owner");
            Api.Session lee = api.devLogin("pomo-member");
            Api.Session stranger = api.devLogin("pomo-stranger");
            String roomId = api.openRoom(kim, "뽀모도로", lee);
            String path = "/api/rooms/" + roomId + "/pomodoro";
            try (LiveClient lees = LiveClient.enter(api, lee, roomId)) {
                JsonNode welcome = lees.next("welcome");
                assertTrue(welcome.get("pomodoro").isNull());

                Instant before = Instant.now();
                Api.Reply started = api.put(path, kim, lengths(1500, 300, 900, 4));
                assertEquals(200, started.status(), started.raw());
                JsonNode pomodoro = started.body();
                assertEquals(List.of("breakSeconds", "focusSeconds", "longBreakSeconds", "phase", "phaseEndsAt", "phaseStartedAt", "round",
                        "roundsBeforeLongBreak", "serverTime", "startedAt"), fieldNames(pomodoro));
                assertEquals("focus", pomodoro.get("phase").asText());
                assertEquals(1, pomodoro.get("round").asInt());
                Instant startedAt = Instant.parse(pomodoro.get("startedAt").asText());
                assertFalse(startedAt.isBefore(before.minusSeconds(1)));
                assertEquals(startedAt.plusSeconds(1500), Instant.parse(pomodoro.get("phaseEndsAt").asText()));

                JsonNode heard = lees.next("pomodoro");
                assertEquals(pomodoro.get("startedAt").asText(), heard.at("/pomodoro/startedAt").asText(), "the members live hear it at once");
                assertEquals("focus", api.get("/api/rooms/" + roomId, lee).body().at("/pomodoro/phase").asText());
                assertFalse(api.get("/api/rooms/" + roomId, stranger).body().has("pomodoro"), "outsiders are not told");

                assertEquals("NOT_OWNER", api.put(path, lee, lengths(1500, 300, 900, 4)).code());
                assertEquals(403, api.delete(path, lee).status());
                assertEquals(404, api.put("/api/rooms/nope/pomodoro", kim, lengths(1500, 300, 900, 4)).status());
                for (Map<String, Object> bad : List.of(lengths(59, 300, 0, 4), lengths(1500, 3601, 0, 4), lengths(1500, 300, -1, 4),
                        lengths(1500, 300, 0, 11), lengths("1500", 300, 0, 4), lengths(1500.5, 300, 0, 4), lengths(null, 300, 0, 4))) {
                    Api.Reply refused = api.put(path, kim, bad);
                    assertEquals(400, refused.status(), bad + " " + refused.raw());
                    assertEquals("VALIDATION_FAILED", refused.code());
                }
                assertEquals(pomodoro.get("startedAt").asText(), api.get("/api/rooms/" + roomId, lee).body().at("/pomodoro/startedAt").asText(),
                        "a refused start leaves the running one");

                assertEquals(204, api.delete(path, kim).status());
                JsonNode stopped = lees.next(f -> "pomodoro".equals(f.path("type").asText()) && f.get("pomodoro").isNull(), "the stop",
                        Duration.ofSeconds(5));
                assertTrue(stopped.get("pomodoro").isNull());
                assertTrue(api.get("/api/rooms/" + roomId, lee).body().get("pomodoro").isNull());
                assertEquals(204, api.delete(path, kim).status(), "stopping twice is fine");
            }
            try (LiveClient late = LiveClient.enter(api, lee, roomId)) {
                // The welcome first: a start racing the welcome is told in the welcome, and never twice.
                assertTrue(late.next("welcome").get("pomodoro").isNull());
                api.put(path, kim, lengths(60, 60, 0, 1));
                JsonNode restart = late.next(f -> "pomodoro".equals(f.path("type").asText()) && !f.get("pomodoro").isNull(), "the restart");
                assertEquals(60, restart.at("/pomodoro/focusSeconds").asInt());
            }
            try (LiveClient joiner = LiveClient.enter(api, lee, roomId)) {
                assertEquals("focus", joiner.next("welcome").at("/pomodoro/phase").asText(), "a late joiner gets the phase in its welcome");
            }
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
