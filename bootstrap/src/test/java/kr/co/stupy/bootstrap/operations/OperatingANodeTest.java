package kr.co.stupy.bootstrap.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.StupyProcess;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Test;

/** A node in a process of its own, as an orchestrator and a log collector see it: JSON log lines, liveness, readiness and the drain. */
class OperatingANodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLogLinesCarryTheRequestAndTheNodeButNoTokenPasswordEmailOrSecret() throws Exception {
        String jwtSecret = "jwt-" + UUID.randomUUID() + UUID.randomUUID();
        String kakaoSecret = "kakao-" + UUID.randomUUID();
        String email = "kim." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "pw" + UUID.randomUUID().toString().substring(0, 6);
        String wrongPassword = "no" + UUID.randomUUID().toString().substring(0, 6);
        List<String> secrets = new ArrayList<>(List.of(jwtSecret, kakaoSecret, email, password, wrongPassword));
        Map<String, String> env = environment(Map.of("STUPY_LOG_FORMAT", "json", "STUPY_JWT_SECRET", jwtSecret,
                "STUPY_KAKAO_CLIENT_ID", "kakao-client", "STUPY_KAKAO_CLIENT_SECRET", kakaoSecret, "STUPY_DEV_LOGIN", "true"));
        String requestId;
        String roomId;
        try (StupyProcess node = StupyProcess.start(env)) {
            Api api = node.api();
            Api.Session kim = api.devLogin("kim-logs");
            Api.Session lee = api.devLogin("lee-logs");
            secrets.addAll(List.of(kim.token(), lee.token(), api.guestSecretOf("kim-logs"), api.guestSecretOf("lee-logs")));
            assertEquals(200, api.patch("/api/users/me", kim, Map.of("email", email)).status());
            Api.Reply created = api.post("/api/rooms", kim, Map.of("title", "logs", "description", "locked", "password", password));
            assertEquals(201, created.status(), created.raw());
            roomId = created.body().get("id").asText();
            assertEquals(403, api.post("/api/rooms/" + roomId + "/members", lee, Map.of("password", wrongPassword)).status());
            assertEquals(200, api.post("/api/rooms/" + roomId + "/members", lee, Map.of("password", password)).status());
            Api.Reply ticket = api.post("/api/rooms/" + roomId + "/live-ticket", lee, null);
            secrets.add(ticket.body().get("ticket").asText());
            try (LiveClient live = LiveClient.connect(api, roomId, ticket.body().get("ticket").asText())) {
                live.next("welcome");
            }
            assertEquals(401, api.raw("GET", "/api/users/me", kim.token() + "x", null, null).status());
            Api.Reply room = api.get("/api/rooms/" + roomId, kim);
            requestId = room.headers().firstValue("X-Request-Id").orElseThrow();
            assertEquals(143, node.terminate(Duration.ofSeconds(30)), "terminated by SIGTERM, after its shutdown hook");

            List<JsonNode> lines = new ArrayList<>();
            for (String line : node.output()) {
                if (!line.startsWith("WARNING: ")) { // the JVM's own notes on stderr, not the log
                    lines.add(parsed(line));
                }
            }
            String everything = String.join("\n", node.output());
            for (String secret : secrets) {
                assertFalse(everything.contains(secret), "the log holds a secret (" + secret.length() + " characters)");
            }
            for (JsonNode line : lines) {
                assertTrue(line.isObject() && line.has("time") && line.has("level") && line.has("logger") && line.has("message"), line.toString());
            }
            JsonNode roomRead = lines.stream().filter(line -> requestId.equals(line.path("requestId").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no line of request " + requestId + ":\n" + everything));
            assertEquals("/api/rooms/{id}", roomRead.get("route").asText(), roomRead.toString());
            assertTrue(roomRead.get("message").asText().contains("-> 200"), roomRead.toString());
            assertTrue(roomRead.get("nodeId").asText().startsWith("node-"), roomRead.toString());
            assertTrue(lines.stream().anyMatch(line -> line.get("message").asText().contains("Stupy is ready on port")), everything);
            assertTrue(lines.stream().anyMatch(line -> line.get("message").asText().contains("Stupy stopped")), everything);
        }
    }

    @Test
    void onSigtermReadinessTurns503AtOnceWhileLivenessAndTheLiveRoomAreStillServedThenItStops() throws Exception {
        try (StupyProcess node = StupyProcess.start(environment(Map.of("STUPY_DRAIN_SECONDS", "4", "STUPY_DEV_LOGIN", "true")))) {
            Api api = node.api();
            Api.Session kim = api.devLogin("kim-drain");
            String roomId = api.openRoom(kim, "drain");
            assertEquals(200, api.get("/api/health", null).status());
            try (LiveClient live = LiveClient.enter(api, kim, roomId)) {
                live.next("welcome");
                CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> node.terminate(Duration.ofSeconds(60)));

                Api.Reply ready = api.get("/api/health", null);
                for (int attempt = 0; attempt < 100 && ready.status() == 200; attempt++) {
                    Thread.sleep(20);
                    ready = api.get("/api/health", null);
                }
                assertEquals(503, ready.status(), ready.raw());
                assertEquals("draining", ready.body().get("status").asText());
                assertTrue(live.isOpen(), "readiness is refused before any connection is closed");
                assertEquals(200, api.get("/api/health/live", null).status(), "the process still answers");
                assertEquals(200, api.get("/api/rooms/mine", kim).status(), "clients it has are still served");
                live.send(Map.of("type", "ping"));
                live.next("pong");

                assertEquals(143, exit.get(60, TimeUnit.SECONDS), "terminated by SIGTERM, after its shutdown hook");
                assertEquals(1001, live.closeCode(), "closed as going away once the drain ended");
            }
        }
    }

    private static JsonNode parsed(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a line of JSON: " + line, e);
        }
    }

    private static Map<String, String> environment(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("STUPY_PORT", "0", "STUPY_DATA_DIR", TestNode.freshDataDir().toString()));
        env.putAll(more);
        return env;
    }
}
