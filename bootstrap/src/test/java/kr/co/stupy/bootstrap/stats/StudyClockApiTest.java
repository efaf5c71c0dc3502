package kr.co.stupy.bootstrap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Test;

/** The study clock over HTTP and the socket on a real node: breaks, subjects, today, the room's live figures. */
class StudyClockApiTest {

    static Map<String, Object> status(String status, Object subject) {
        Map<String, Object> frame = new HashMap<>();
        frame.put("type", "status");
        frame.put("status", status);
        frame.put("subject", subject);
        return frame;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static JsonNode studyingNow(JsonNode room, String userId) {
        for (JsonNode member : room.get("studyingNow")) {
            if (member.get("userId").asText().equals(userId)) {
                return member;
            }
        }
        throw new AssertionError(userId + " is not studying now in " + room);
    }

    @Test
    void breaksAndSubjectsAreSeenByPeersAndSplitTheClockThatTodayStatsAndTheRoomShow() throws Exception {
        try (TestNode node = TestNode.start()) {
            Api api = node.api();
            Api.Session kim = api.devLogin("clock-kim");
            Api.Session lee = api.devLogin("clock-lee");
            String roomId = api.openRoom(kim, "시계", lee);
            try (LiveClient kims = LiveClient.enter(api, kim, roomId)) {
                JsonNode kimsWelcome = kims.next("welcome");
                assertEquals("studying", kimsWelcome.at("/you/status").asText());
                assertTrue(kimsWelcome.at("/you/subject").isNull());
                assertTrue(Instant.parse(kimsWelcome.get("serverTime").asText()).isAfter(Instant.now().minusSeconds(5)));
                try (LiveClient lees = LiveClient.enter(api, lee, roomId)) {
                    JsonNode leesWelcome = lees.next("welcome");
                    assertEquals("studying", leesWelcome.at("/peers/0/status").asText());
                    String kimsConnection = kimsWelcome.get("connectionId").asText();

                    kims.send(status("studying", "수학"));
                    JsonNode named = lees.next(f -> f.path("type").asText().equals("peer-status"), "kim's subject");
                    assertEquals(List.of("connectionId", "since", "status", "subject", "type", "userId"), fieldNames(named));
                    assertEquals(kimsConnection, named.get("connectionId").asText());
                    assertEquals("수학", named.get("subject").asText());
                    assertEquals("수학", kims.next("peer-status").get("subject").asText(), "the sender hears it too");
                    Thread.sleep(5_500);

                    kims.send(Map.of("type", "status", "status", "break"));
                    JsonNode resting = lees.next(f -> f.path("type").asText().equals("peer-status") && f.path("status").asText().equals("break"),
                            "kim's break");
                    assertEquals("수학", resting.get("subject").asText(), "a status without a subject keeps it");
                    lees.next(f -> f.path("type").asText().equals("study") && entryOf(f, kim.userId()).path("status").asText().equals("break"),
                            "a board with kim on a break");

                    JsonNode today = api.get("/api/users/me/today", kim).body();
                    assertEquals(List.of("bySubject", "date", "goalMet", "goalMinutes", "live", "serverTime", "studySeconds"), fieldNames(today));
                    long studied = today.get("studySeconds").asLong();
                    assertTrue(studied >= 5, "studied " + studied);
                    assertEquals("break", today.at("/live/status").asText());
                    assertEquals(roomId, today.at("/live/roomId").asText());
                    assertEquals(0, today.at("/live/sessionSeconds").asLong());
                    assertEquals("수학", today.at("/bySubject/0/subject").asText());
                    assertEquals(studied, today.at("/bySubject/0/seconds").asLong() + (today.get("bySubject").size() > 1
                            ? today.at("/bySubject/1/seconds").asLong() : 0), "the subjects add up to the day");
                    JsonNode room = api.get("/api/rooms/" + roomId, lee).body();
                    assertEquals("break", studyingNow(room, kim.userId()).get("status").asText());
                    assertEquals("studying", studyingNow(room, lee.userId()).get("status").asText());
                    assertEquals(2, room.get("liveCount").asInt());
                    Thread.sleep(1_500);
                    assertEquals(studied, api.get("/api/users/me/today", kim).body().get("studySeconds").asLong(), "a break is no study");

                    for (Object bad : List.of(status("sleeping", null), Map.of("type", "status"), Map.of("type", "status", "status", "studying",
                            "subject", 42), status("studying", "x".repeat(21)), status("studying", " "))) {
                        kims.send(bad);
                        JsonNode error = kims.next("error");
                        assertEquals("INVALID_FRAME", error.get("code").asText(), bad.toString());
                        assertEquals("status", error.get("frame").asText(), "the error names the frame it answers");
                    }
                    kims.send(Map.of("type", "ping"));
                    kims.next("pong");
                    assertTrue(kims.isOpen(), "a bad frame leaves the connection open");

                    kims.send(Map.of("type", "status", "status", "studying"));
                    lees.next(f -> f.path("type").asText().equals("peer-status") && f.path("status").asText().equals("studying")
                            && f.path("userId").asText().equals(kim.userId()), "kim back");
                    Thread.sleep(5_500);
                    JsonNode running = api.get("/api/users/me/today", kim).body();
                    assertTrue(running.at("/live/sessionSeconds").asLong() >= 5);
                    assertTrue(running.get("studySeconds").asLong() >= studied + 5);
                    JsonNode live = api.get("/api/rooms/" + roomId, lee).body();
                    assertTrue(live.get("totalStudySeconds").asLong() >= studied + 5, "the room's total runs with its sessions: " + live);
                    assertTrue(live.get("todayStudySeconds").asLong() >= studied + 5, "and so does today's");
                }
            }
            // Presence lets a closed connection go first; its session is then ended and rolled up on the node's close workers.
            await(() -> !api.get("/api/users/me/today", kim).body().hasNonNull("live")
                    && api.get("/api/users/me/stats", kim).body().get("totalSeconds").asLong() >= 10, "kim's session to end and be counted");
            JsonNode stats = api.get("/api/users/me/stats", kim).body();
            long total = stats.get("totalSeconds").asLong();
            assertTrue(total >= 10, "total " + total);
            long bySubject = 0;
            for (JsonNode subject : stats.get("bySubject")) {
                bySubject += subject.get("seconds").asLong();
            }
            assertEquals(total, bySubject, "the range's subjects add up to its total");
            assertEquals("수학", stats.at("/bySubject/0/subject").asText());
            assertEquals(total, api.get("/api/users/me/today", kim).body().get("studySeconds").asLong(), "today and stats agree");
        }
    }

    @Test
    void aRoomStudiedInNowOvertakesOneWithMoreStoredTimeInTheRanks() throws Exception {
        try (TestNode node = TestNode.start()) {
            Api api = node.api();
            Api.Session kim = api.devLogin("rank-kim");
            Api.Session lee = api.devLogin("rank-lee");
            String before = api.openRoom(kim, "먼저");
            String now = api.openRoom(lee, "지금");
            try (LiveClient kims = LiveClient.enter(api, kim, before)) {
                kims.next("welcome");
                Thread.sleep(5_500);
            }
            await(() -> api.get("/api/rooms/" + before, kim).body().get("liveCount").asInt() == 0
                    && api.get("/api/rooms/" + before, kim).body().get("totalStudySeconds").asLong() >= 5, "the first room's session to end");
            long stored = api.get("/api/rooms/" + before, kim).body().get("totalStudySeconds").asLong();
            assertEquals(1, api.get("/api/rooms/" + before, kim).body().get("rank").asLong());

            try (LiveClient lees = LiveClient.enter(api, lee, now)) {
                lees.next("welcome");
                await(() -> api.get("/api/rooms/" + now, lee).body().get("totalStudySeconds").asLong() > stored + 1,
                        "the running room to pass the first");
                JsonNode running = api.get("/api/rooms/" + now, lee).body();
                assertEquals(1, running.get("rank").asLong(), running.toString());
                assertEquals(2, api.get("/api/rooms/" + before, kim).body().get("rank").asLong(), "overtaken by a session still running");
                assertEquals("studying", studyingNow(running, lee.userId()).get("status").asText());
                assertTrue(running.get("todayStudySeconds").asLong() > stored);
            }
        }
    }

    @Test
    void atOneInTheMorningWithTheDayStartingAtFiveTodayIsStillYesterday() {
        // A zone where it is 01:xx now: the study day that holds is the one that began at 05:00 the day before.
        int utcHour = java.time.LocalTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(1 - utcHour, 24);
        ZoneOffset zone = ZoneOffset.ofHours(offset > 18 ? offset - 24 : offset);
        Settings settings = TestNode.settings(TestNode.freshDataDir(), Optional.of(true)).withStudyDay(zone, LocalTime.of(5, 0));
        try (TestNode node = TestNode.start(settings)) {
            Api api = node.api();
            Api.Session kim = api.devLogin("dawn-kim");
            JsonNode today = api.get("/api/users/me/today", kim).body();
            java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(Instant.parse(today.get("serverTime").asText()), zone);
            if (local.getHour() == 1) {   // the hour did not turn between reading the clock and asking
                assertEquals(local.toLocalDate().minusDays(1).toString(), today.get("date").asText());
            }
            assertEquals(0, today.get("studySeconds").asLong());
            assertFalse(today.get("goalMet").asBoolean());
            assertTrue(today.get("live").isNull());
            assertEquals(400, api.get("/api/users/me/today?tz=Mars/Base", kim).status());
            JsonNode utc = api.get("/api/users/me/today?tz=UTC", kim).body();
            assertEquals(LocalDate.ofInstant(Instant.parse(utc.get("serverTime").asText()).minus(5, ChronoUnit.HOURS), ZoneOffset.UTC).toString(),
                    utc.get("date").asText(), "another zone keeps the configured day start");
        }
    }

    static JsonNode entryOf(JsonNode studyFrame, String userId) {
        for (JsonNode entry : studyFrame.get("leaderboard")) {
            if (entry.get("userId").asText().equals(userId)) {
                return entry;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
