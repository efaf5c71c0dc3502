package kr.co.stupy.bootstrap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.studytime.MongoUserPeriodTotals;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

/** The user ranking over HTTP on a real node: finished and running live sessions, ties, where the asker stands. */
class UserRankingApiTest {

    static final String RANKING = "/api/rankings/users";

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> userIds(JsonNode ranking) {
        List<String> ids = new ArrayList<>();
        ranking.get("items").forEach(item -> ids.add(item.get("userId").asText()));
        return ids;
    }

    static List<Long> field(JsonNode ranking, String name) {
        List<Long> values = new ArrayList<>();
        ranking.get("items").forEach(item -> values.add(item.get(name).asLong()));
        return values;
    }

    @Test
    void finishedAndRunningStudyIsRankedWithTiesSharingARankAndTheAskersStanding() throws Exception {
        try (TestNode node = TestNode.start(TestNode.exposingEmbeddedDatabase(TestNode.freshDataDir(), freePort()));
             MongoStore store = MongoStore.connect(node.embeddedDatabaseUri())) {
            Api api = node.api();
            Api.Session kim = api.devLogin("rank-kim");
            Api.Session lee = api.devLogin("rank-lee");
            Api.Session park = api.devLogin("rank-park");
            Api.Session han = api.devLogin("rank-han");
            Api.Session seo = api.devLogin("rank-seo");
            Api.Session choi = api.devLogin("rank-choi");   // never studies
            String kimsRoom = StatsApiTest.room(api, kim);
            String leesRoom = StatsApiTest.room(api, lee);
            String parksRoom = StatsApiTest.room(api, park);

            // Two finished sessions of different lengths, at the same time in two rooms.
            Thread lees = Thread.ofVirtual().start(() -> {
                try {
                    StatsApiTest.study(api, lee, leesRoom, 5_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            StatsApiTest.study(api, kim, kimsRoom, 8_500);
            lees.join();
            long kims = StatsApiTest.leaderboardEntry(api, kim, kimsRoom).get("studySeconds").asLong();
            long leess = StatsApiTest.leaderboardEntry(api, lee, leesRoom).get("studySeconds").asLong();
            assertTrue(kims > leess && leess >= 5, "kim " + kims + ", lee " + leess);

            // Real sessions cannot be made equally long to the second; two users' hour today is added as finishing
            // their sessions would have added it, through the node's own roll-up, to show a tie.
            LocalDate today = StatsApiTest.SEOUL.dayOf(Instant.now());
            MongoUserPeriodTotals totals = new MongoUserPeriodTotals(store.database());
            totals.add(new UserId(han.userId()), new TreeMap<>(Map.of(today, 3_600L)));
            totals.add(new UserId(seo.userId()), new TreeMap<>(Map.of(today, 3_600L)));
            List<String> tied = new ArrayList<>(List.of(han.userId(), seo.userId()));
            tied.sort(Comparator.naturalOrder());

            try (LiveClient live = LiveClient.enter(api, park, parksRoom)) {
                live.next("welcome");
                Thread.sleep((kims + 2) * 1_000);   // park's running session passes kim's finished one

                JsonNode day = api.get(RANKING + "?period=day", choi).body();
                List<String> order = new ArrayList<>(tied);
                order.addAll(List.of(park.userId(), kim.userId(), lee.userId()));
                assertEquals(order, userIds(day), "most first, the tie in user id order, nobody without study");
                assertEquals(List.of(1L, 1L, 3L, 4L, 5L), field(day, "rank"), "the tie shares first place, the next is third");
                List<Long> seconds = field(day, "studySeconds");
                assertEquals(List.of(3_600L, 3_600L), seconds.subList(0, 2));
                assertTrue(seconds.get(2) > kims && seconds.get(2) <= kims + 15, "park's running session so far: " + seconds.get(2));
                assertEquals(List.of(kims, leess), seconds.subList(3, 5));
                List<Boolean> studyingNow = new ArrayList<>();
                day.get("items").forEach(item -> studyingNow.add(item.get("live").asBoolean()));
                assertEquals(List.of(false, false, true, false, false), studyingNow, "only park studies now");
                JsonNode parkItem = day.at("/items/2");
                assertEquals(List.of("live", "nickname", "profileImageUrl", "rank", "studySeconds", "userId"), sortedNames(parkItem));
                assertEquals("rank-park", parkItem.get("nickname").asText());
                assertTrue(parkItem.get("profileImageUrl").isNull());
                assertEquals(List.of("percentile", "rank", "studySeconds"), sortedNames(day.get("me")));
                assertTrue(day.at("/me/rank").isNull() && day.at("/me/percentile").isNull(), day.toString());
                assertEquals(0, day.at("/me/studySeconds").asLong());

                // Where each one stands: the share of the five ranked users they are ahead of or tied with.
                assertStanding(api.get(RANKING, han).body(), 1, 3_600, 100.0);
                assertStanding(api.get(RANKING, kim).body(), 4, kims, 40.0);
                assertStanding(api.get(RANKING, lee).body(), 5, leess, 20.0);
                // Unlisted with a limit of two, park's rank still counts the running session, and kim's is behind it.
                JsonNode top2 = api.get(RANKING + "?period=day&limit=2", park).body();
                assertEquals(tied, userIds(top2));
                assertEquals(3, top2.at("/me/rank").asLong());
                assertTrue(top2.at("/me/studySeconds").asLong() > kims);
                assertEquals(60.0, top2.at("/me/percentile").asDouble());
                assertStanding(api.get(RANKING + "?limit=3", kim).body(), 4, kims, 40.0);

                for (String period : List.of("week", "month")) {
                    JsonNode ranking = api.get(RANKING + "?period=" + period + "&tz=Asia/Seoul", choi).body();
                    assertEquals(order, userIds(ranking), period);
                    assertEquals(List.of(1L, 1L, 3L, 4L, 5L), field(ranking, "rank"), period);
                }
            }
        }
    }

    @Test
    void rankingsThatCannotBeAskedAreProblemsNamingTheirFields() {
        try (TestNode node = TestNode.start()) {
            Api api = node.api();
            Api.Session kim = api.devLogin("rank-bad");
            assertEquals(401, api.get(RANKING, null).status());
            StatsApiTest.assertErrors(api.get(RANKING + "?period=all", kim), "period");
            StatsApiTest.assertErrors(api.get(RANKING + "?period=year&limit=0", kim), "period", "limit");
            StatsApiTest.assertErrors(api.get(RANKING + "?limit=101", kim), "limit");
            StatsApiTest.assertErrors(api.get(RANKING + "?tz=Mars/Olympus", kim), "tz");
            Api.Reply abroad = api.get(RANKING + "?period=week&tz=Europe/Berlin", kim);
            StatsApiTest.assertErrors(abroad, "tz");
            assertTrue(abroad.body().at("/errors/0/message").asText().contains("server's study day"), abroad.raw());
            JsonNode nobody = api.get(RANKING + "?tz=Asia/Seoul&limit=100", kim).body();
            assertEquals(0, nobody.get("items").size());
            assertTrue(nobody.at("/me/rank").isNull());
        }
    }

    private static void assertStanding(JsonNode ranking, long rank, long seconds, double percentile) {
        assertEquals(rank, ranking.at("/me/rank").asLong(), ranking.toString());
        assertEquals(seconds, ranking.at("/me/studySeconds").asLong(), ranking.toString());
        assertEquals(percentile, ranking.at("/me/percentile").asDouble(), ranking.toString());
    }

    private static List<String> sortedNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(Comparator.naturalOrder());
        return names;
    }
}
