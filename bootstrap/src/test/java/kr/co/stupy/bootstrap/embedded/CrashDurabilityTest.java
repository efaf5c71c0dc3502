package kr.co.stupy.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.StupyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the embedded database acknowledged survives {@code kill -9} of the server process,
 * although mongo-java-server's H2 store would on its own commit only about once a second.
 */
class CrashDurabilityTest {

    static final int WRITES = 300;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveKillDashNine() throws Exception {
        Set<String> acknowledged = burstThenCrash(16, WRITES, false);
        assertTrue(acknowledged.size() >= WRITES - 16, "most writes were acknowledged before the crash: " + acknowledged.size());
        assertNoneLost(acknowledged);
    }

    /** Writers that share group syncs: killed while 64 writes are in flight, every acknowledged one is there after the restart. */
    @Test
    void aBurstOfConcurrentWritersKilledMidwayLosesNoAcknowledgedWrite() throws Exception {
        Set<String> acknowledged = burstThenCrash(64, 2 * WRITES, true);
        assertTrue(acknowledged.size() >= WRITES / 2, "the crash came mid-burst, after " + acknowledged.size() + " acknowledgements");
        assertNoneLost(acknowledged);
    }

    private Set<String> burstThenCrash(int parallel, int writes, boolean midway) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (StupyProcess server = StupyProcess.start(settings())) {
            Api api = server.api();
            Semaphore inFlight = new Semaphore(parallel);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < writes && !(midway && acknowledged.size() >= WRITES); i++) {
                    String nickname = "burst" + i;
                    inFlight.acquire();
                    pool.submit(() -> {
                        try {
                            Api.Reply reply = api.post("/api/auth/dev-login", null, Map.of("nickname", nickname));
                            if (reply.status() == 200 && reply.body().get("newUser").asBoolean()) {
                                acknowledged.add(nickname);
                            }
                        } catch (RuntimeException e) {
                            // Cut off by the crash: not acknowledged, so not counted.
                        } finally {
                            inFlight.release();
                        }
                    });
                }
                if (!midway) {
                    inFlight.acquire(parallel);
                }
                // Midway: killed with up to `parallel` writes in flight; only those acknowledged before count.
                Set<String> before = Set.copyOf(acknowledged);
                server.crash();
                acknowledged.retainAll(before);
            }
        }
        return acknowledged;
    }

    private void assertNoneLost(Set<String> acknowledged) throws Exception {
        try (StupyProcess restarted = StupyProcess.start(settings())) {
            Api api = restarted.api();
            List<String> lost = acknowledged.stream().parallel()
                    .filter(nickname -> api.post("/api/auth/dev-login", null, Map.of("nickname", nickname))
                            .body().get("newUser").asBoolean())
                    .toList();
            assertEquals(List.of(), lost, "acknowledged users lost by the crash");
        }
    }

    private Map<String, String> settings() {
        return Map.of("STUPY_PORT", "0", "STUPY_DATA_DIR", dataDir.toString());
    }

    @Test
    void sigtermStopsTheServerCleanlyAndKeepsTheData() throws Exception {
        Map<String, String> settings = Map.of("STUPY_PORT", "0", "STUPY_DATA_DIR", dataDir.toString());
        String userId;
        try (StupyProcess server = StupyProcess.start(settings)) {
            userId = server.api().devLogin("graceful").userId();
            int exit = server.terminate(java.time.Duration.ofSeconds(30));
            assertEquals(143, exit, "the JVM exits as terminated by SIGTERM after its shutdown hook");
            assertTrue(server.output().stream().anyMatch(line -> line.contains("Stupy stopped")), String.join("\n", server.output()));
            assertFalse(server.output().stream().anyMatch(line -> line.contains("Exception")), String.join("\n", server.output()));
        }
        assertTrue(Files.exists(dataDir.resolve(EmbeddedMongo.FILE_NAME)));
        try (StupyProcess restarted = StupyProcess.start(settings)) {
            Api.Session again = restarted.api().devLogin("graceful");
            assertEquals(userId, again.userId());
        }
    }
}
