package kr.co.stupy.bootstrap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.bootstrap.RebuildRollups;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.studytime.StudyDayPolicy;
import org.junit.jupiter.api.Test;

/** Statistics and rankings over HTTP on a real node, fed by real live sessions. */
class StatsApiTest {

    static final StudyDayPolicy SEOUL = new StudyDayPolicy(ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0));

    static String room(Api api, Api.Session owner) {
        return api.post("/api/rooms", owner, Map.of("title", "통계 " + UUID.randomUUID().toString().substring(0, 8),
                "description", "study")).body().get("id").asText();
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

    static JsonNode leaderboardEntry(Api api, Api.Session who, String roomId) {
        for (JsonNode entry : api.get("/api/rooms/" + roomId + "/leaderboard?period=day", who).body().get("items")) {
            if (entry.get("userId").asText().equals(who.userId())) {
                return entry;
            }
        }
        throw new AssertionError("not on the leaderboard");
    }

    /** Studies in the room for a little longer than {@code millis}, and waits until the session is over. */
    static void study(Api api, Api.Session who, String roomId, long millis) throws InterruptedException {
        try (LiveClient live = LiveClient.enter(api, who, roomId)) {
            live.next("welcome");
            Thread.sleep(millis);
        }
        // The node ends a closed connection's session on its close workers: presence lets it go first, then the
        // session is written and rolled up. Every session here is long enough to count, so wait for its seconds.
        await(() -> {
            JsonNode entry = leaderboardEntry(api, who, roomId);
            return !entry.get("live").asBoolean() && entry.get("studySeconds").asLong() > 0;
        }, "the session to end and be counted");
    }

    @Test
    void liveStudyShowsInStatsAndRankingsAsOnTheLeaderboardAndTheRoomRank() throws Exception {
        try (TestNode node = TestNode.start()) {
            Api api = node.api();
            Api.Session kim = api.devLogin("stats-kim");
            Api.Session lee = api.devLogin("stats-lee");
            String kimsRoom = room(api, kim);
            String leesRoom = room(api, lee);
            room(api, lee);   // a room nobody studied in

            Thread lees = Thread.ofVirtual().start(() -> {
                try {
                    study(api, lee, leesRoom, 5_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            study(api, kim, kimsRoom, 7_500);
            lees.join();

            LocalDate today = SEOUL.dayOf(Instant.now());
            JsonNode stats = api.get("/api/users/me/stats", kim).body();
            long onBoard = leaderboardEntry(api, kim, kimsRoom).get("studySeconds").asLong();
            assertTrue(onBoard >= 7, "counted " + onBoard);
            assertEquals(onBoard, stats.get("totalSeconds").asLong(), "the leaderboard and the statistics agree");
            assertEquals(30, stats.get("days").size(), "the default is the 30 days ending today");
            assertEquals(today.toString(), stats.at("/days/29/date").asText());
            assertEquals(onBoard, stats.at("/days/29/seconds").asLong());
            assertEquals(1, stats.get("currentStreakDays").asInt());
            assertEquals(1, stats.get("longestStreakDays").asInt());
            JsonNode ranged = api.get("/api/users/me/stats?from=" + today.minusDays(1) + "&to=" + today + "&tz=Asia/Seoul", kim).body();
            assertEquals(List.of(0L, onBoard), seconds(ranged));
            JsonNode utc = api.get("/api/users/me/stats?from=" + today.minusDays(2) + "&to=" + today.plusDays(1) + "&tz=UTC", kim).body();
            assertEquals(onBoard, utc.get("totalSeconds").asLong(), "another zone, computed from the sessions, holds the same time");

            JsonNode day = api.get("/api/rankings/rooms?period=day", kim).body();
            assertEquals("day", day.get("period").asText());
            assertEquals(List.of(kimsRoom, leesRoom), ids(day), "rooms without study are left out");
            assertEquals(1, day.at("/items/0/rank").asLong());
            assertEquals(2, day.at("/items/1/rank").asLong());
            assertEquals(onBoard, day.at("/items/0/studySeconds").asLong());
            for (String period : List.of("week", "month")) {
                assertEquals(ids(day), ids(api.get("/api/rankings/rooms?period=" + period + "&limit=5", kim).body()));
            }
            JsonNode all = api.get("/api/rankings/rooms?period=all&limit=1", kim).body();
            assertEquals(List.of(kimsRoom), ids(all));
            JsonNode kimsView = api.get("/api/rooms/" + kimsRoom, kim).body();
            assertEquals(kimsView.get("rank").asLong(), all.at("/items/0/rank").asLong(), "all time is the rooms' own rank");
            assertEquals(kimsView.get("totalStudySeconds").asLong(), all.at("/items/0/studySeconds").asLong());
            assertEquals(kimsRoom, all.at("/items/0/room/id").asText());

            // A running session counts at once, as it does on the leaderboard.
            try (LiveClient live = LiveClient.enter(api, kim, kimsRoom)) {
                live.next("welcome");
                Thread.sleep(6_000);
                long running = api.get("/api/users/me/stats", kim).body().get("totalSeconds").asLong();
                long board = leaderboardEntry(api, kim, kimsRoom).get("studySeconds").asLong();
                assertTrue(running >= onBoard + 5 && Math.abs(board - running) <= 1, "stats " + running + ", leaderboard " + board);
            }
        }
    }

    @Test
    void badQueriesAreProblemsNamingTheirFields() {
        try (TestNode node = TestNode.start()) {
            Api api = node.api();
            Api.Session kim = api.devLogin("stats-bad");
            assertEquals(401, api.get("/api/users/me/stats", null).status());
            assertEquals(401, api.get("/api/rankings/rooms", null).status());
            assertErrors(api.get("/api/users/me/stats?from=2026-13-01&to=yesterday&tz=Mars/Olympus", kim), "from", "to", "tz");
            assertErrors(api.get("/api/users/me/stats?from=2026-11-30&to=2026-11-01", kim), "from");
            assertErrors(api.get("/api/users/me/stats?from=2025-01-01&to=2026-01-02", kim), "to");
            assertEquals(366, api.get("/api/users/me/stats?from=2025-01-02&to=2026-01-02", kim).body().get("days").size());
            assertErrors(api.get("/api/rankings/rooms?period=year&limit=0", kim), "period", "limit");
            assertErrors(api.get("/api/rankings/rooms?limit=ten", kim), "limit");
            assertEquals(0, api.get("/api/rankings/rooms", kim).body().get("items").size());
        }
    }

    @Test
    void theRollupsMatchARebuildFromTheLedgerAndARebuildRepairsThem() throws Exception {
        Settings settings = TestNode.settings(TestNode.freshDataDir(), Optional.of(true));
        Api.Session kim;
        long total;
        JsonNode week;
        String roomId;
        long abroadAllTime;
        String abroad = "/leaderboard?period=all&tz=America/Los_Angeles";
        try (TestNode node = TestNode.start(settings)) {
            Api api = node.api();
            kim = api.devLogin("rebuild-kim");
            roomId = room(api, kim);
            study(api, kim, roomId, 5_500);
            total = api.get("/api/users/me/stats", kim).body().get("totalSeconds").asLong();
            assertTrue(total >= 5);
            week = api.get("/api/rankings/rooms?period=week", kim).body();
            assertEquals(List.of(roomId), ids(week));
            // The session's roll-up is written just after presence lets it go (on the node's close workers): wait for it.
            String board = "/api/rooms/" + roomId + abroad;
            await(() -> api.get(board, kim).body().at("/items/0/studySeconds").asLong() > 0, "the member's quarter hours");
            abroadAllTime = api.get(board, kim).body().at("/items/0/studySeconds").asLong();
            // The same seconds, but split at Los Angeles's day start: a session across it is truncated per piece.
            assertTrue(Math.abs(abroadAllTime - total) <= 1, "the board abroad, from the member's quarter hours: " + abroadAllTime);
        }

        RebuildRollupsUseCase.Report intact = RebuildRollups.run(settings);
        assertEquals(1, intact.sessions());
        assertEquals(0, intact.differingBefore(), "kept up by finishing sessions, the roll-ups already match");
        assertEquals(0, intact.periodsDifferingBefore(), "and so do the ranking buckets");
        assertEquals(0, intact.memberQuartersDifferingBefore(), "and the members' quarter hours");
        assertTrue(intact.memberQuarters() > 0);
        assertTrue(intact.matches());

        // Lose the user's totals and the ranking buckets, as a crash between ending the session and rolling it up would.
        try (EmbeddedMongo embedded = EmbeddedMongo.start(settings.dataDir(), Optional.empty());
             MongoStore store = MongoStore.connect(embedded.connectionString())) {
            assertEquals(1, store.database().getCollection("study_user_days").deleteMany(Filters.empty()).getDeletedCount());
            assertTrue(store.database().getCollection("study_room_periods").deleteMany(Filters.empty()).getDeletedCount() >= 3);
            // As before an upgrade to member quarter hours: neither the quarters nor their list of dates exist.
            assertTrue(store.database().getCollection("study_member_quarters").deleteMany(Filters.empty()).getDeletedCount() >= 1);
            assertEquals(1, store.database().getCollection("study_member_quarter_dates").deleteMany(Filters.empty()).getDeletedCount());
        }
        RebuildRollupsUseCase.Report repaired = RebuildRollups.run(settings);
        assertEquals(1, repaired.differingBefore());
        assertTrue(repaired.periodsDifferingBefore() >= 3, "its day, week and month (more if the session crossed a day start)");
        assertTrue(repaired.memberQuartersDifferingBefore() >= 1);
        assertEquals(0, repaired.quartersDifferingBefore(), "the users' quarter hours were left alone");
        assertTrue(repaired.matches());

        try (TestNode node = TestNode.start(settings)) {
            assertEquals(total, node.api().get("/api/users/me/stats", kim).body().get("totalSeconds").asLong());
            assertEquals(week.get("items"), node.api().get("/api/rankings/rooms?period=week", kim).body().get("items"));
            assertEquals(abroadAllTime, node.api().get("/api/rooms/" + roomId + abroad, kim).body().at("/items/0/studySeconds").asLong());
        }
    }

    static void assertErrors(Api.Reply reply, String... fields) {
        assertEquals(400, reply.status(), reply.raw());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertEquals("VALIDATION_FAILED", reply.code());
        Set<String> named = new java.util.HashSet<>();
        reply.body().get("errors").forEach(e -> named.add(e.get("field").asText()));
        assertEquals(Set.of(fields), named, reply.raw());
    }

    static List<Long> seconds(JsonNode stats) {
        List<Long> seconds = new ArrayList<>();
        stats.get("days").forEach(d -> seconds.add(d.get("seconds").asLong()));
        return seconds;
    }

    static List<String> ids(JsonNode ranking) {
        List<String> ids = new ArrayList<>();
        ranking.get("items").forEach(item -> ids.add(item.at("/room/id").asText()));
        return ids;
    }
}
