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
        Map<String, String> acknowledged = burstThenCrash(16, WRITES, false);
        assertTrue(acknowledged.size() >= WRITES - 16, "most writes were acknowledged before the crash: " + acknowledged.size());
        assertNoneLost(acknowledged);
    }

    /** Writers that share group syncs: killed while 64 writes are in flight, every acknowledged one is there after the restart. */
    @Test
    void aBurstOfConcurrentWritersKilledMidwayLosesNoAcknowledgedWrite() throws Exception {
        Map<String, String> acknowledged = burstThenCrash(64, 2 * WRITES, true);
        assertTrue(acknowledged.size() >= WRITES / 2, "the crash came mid-burst, after " + acknowledged.size() + " acknowledgements");
        assertNoneLost(acknowledged);
    }

    /** The guests whose creation was acknowledged before the crash: nickname to the secret that logs in as them. */
    private Map<String, String> burstThenCrash(int parallel, int writes, boolean midway) throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
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
                                acknowledged.put(nickname, reply.body().get("guestSecret").asText());
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
                Set<String> before = Set.copyOf(acknowledged.keySet());
                server.crash();
                acknowledged.keySet().retainAll(before);
            }
        }
        return acknowledged;
    }

    private void assertNoneLost(Map<String, String> acknowledged) throws Exception {
        try (StupyProcess restarted = StupyProcess.start(settings())) {
            Api api = restarted.api();
            // A guest the crash lost cannot log in with its secret any more (401).
            List<String> lost = acknowledged.entrySet().stream().parallel()
                    .filter(guest -> api.post("/api/auth/dev-login", null, Map.of("guestSecret", guest.getValue())).status() != 200)
                    .map(Map.Entry::getKey)
                    .toList();
            assertEquals(List.of(), lost, "acknowledged users lost by the crash");
        }
    }

    /** The bursts make hundreds of guests from one address: the budgets meant for strangers would stop them after 20. */
    private Map<String, String> settings() {
        return Map.of("STUPY_PORT", "0", "STUPY_DATA_DIR", dataDir.toString(),
                "STUPY_LIMITS", "guest-signup-per-address=off,login-per-address=off,login-per-account=off");
    }

    @Test
    void sigtermStopsTheServerCleanlyAndKeepsTheData() throws Exception {
        Map<String, String> settings = Map.of("STUPY_PORT", "0", "STUPY_DATA_DIR", dataDir.toString());
        String userId;
        String guestSecret;
        try (StupyProcess server = StupyProcess.start(settings)) {
            userId = server.api().devLogin("graceful").userId();
            guestSecret = server.api().guestSecretOf("graceful");
            int exit = server.terminate(java.time.Duration.ofSeconds(30));
            assertEquals(143, exit, "the JVM exits as terminated by SIGTERM after its shutdown hook");
            assertTrue(server.output().stream().anyMatch(line -> line.contains("Stupy stopped")), String.join("\n", server.output()));
            assertFalse(server.output().stream().anyMatch(line -> line.contains("Exception")), String.join("\n", server.output()));
        }
        assertTrue(Files.exists(dataDir.resolve(EmbeddedMongo.FILE_NAME)));
        try (StupyProcess restarted = StupyProcess.start(settings)) {
            Api.Reply again = restarted.api().post("/api/auth/dev-login", null, Map.of("guestSecret", guestSecret));
            assertEquals(200, again.status(), again.raw());
            assertEquals(userId, again.body().at("/user/id").asText());
        }
    }
}
