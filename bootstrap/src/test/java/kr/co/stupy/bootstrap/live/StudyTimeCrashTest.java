package kr.co.stupy.bootstrap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.StupyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed in the middle of a study session: after a restart the session counts up to its
 * last heartbeat, not to the crash and not to the restart, and the room's total agrees.
 */
class StudyTimeCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void aSessionCutShortByACrashCountsUpToItsLastHeartbeat() throws Exception {
        Map<String, String> settings = Map.of("STUPY_PORT", "0", "STUPY_DATA_DIR", dataDir.toString());
        Api.Session kim;
        String roomId;
        long heartbeatAfterMillis;
        try (StupyProcess server = StupyProcess.start(settings)) {
            Api api = server.api();
            kim = api.devLogin("crash-kim");
            roomId = api.post("/api/rooms", kim, Map.of("title", "밤샘", "description", "끝까지")).body().get("id").asText();
            LiveClient live = LiveClient.enter(api, kim, roomId);
            live.next("welcome");
            long connectedAt = System.currentTimeMillis();
            // Study time is what is measured here: long enough for the node's periodic beat (every 15 s) to prove some of it.
            Thread.sleep(17_000);
            live.send(Map.of("type", "ping"));
            live.next("pong");
            heartbeatAfterMillis = System.currentTimeMillis() - connectedAt;
            Thread.sleep(2_000);
            server.crash();
        }

        try (StupyProcess restarted = StupyProcess.start(settings)) {
            Api api = restarted.api();
            Api.Session again = new Api.Session(kim.token(), kim.userId(), kim.nickname());
            JsonNode entry = api.get("/api/rooms/" + roomId + "/leaderboard?period=all", again).body().at("/items/0");
            long counted = entry.get("studySeconds").asLong();
            assertFalse(entry.get("live").asBoolean());
            assertTrue(counted >= 5 && counted <= heartbeatAfterMillis / 1000 + 1 && counted >= heartbeatAfterMillis / 1000 - 16,
                    "counted " + counted + " s; at most one 15 s beat interval before " + heartbeatAfterMillis
                            + " ms after the start is lost, the crash came 2 s later");
            assertEquals(counted, api.get("/api/rooms/" + roomId, again).body().get("totalStudySeconds").asLong(),
                    "the room's total holds the same time");
            // Closed at its last heartbeat at start-up, the session is rolled up: statistics and the day's ranking agree.
            assertEquals(counted, api.get("/api/users/me/stats", again).body().get("totalSeconds").asLong(),
                    "the statistics count the crashed session to its last heartbeat too");
            assertEquals(counted, api.get("/api/rankings/rooms?period=all", again).body().at("/items/0/studySeconds").asLong());
            assertEquals(counted, api.get("/api/rankings/rooms?period=day", again).body().at("/items/0/studySeconds").asLong());
            Thread.sleep(1_500);
            assertEquals(counted, api.get("/api/rooms/" + roomId + "/leaderboard?period=all", again).body().at("/items/0/studySeconds").asLong(),
                    "a closed session does not grow");
        }
    }
}
