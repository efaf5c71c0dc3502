package kr.co.stupy.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.bootstrap.config.MetricsSettings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.Scrape;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A node with a scrape token runs a small scenario (HTTP requests with a 404 and a 400, two members
 * chatting live, a chat refused by its budget, bad frames), and its {@code /metrics} must have moved
 * by exactly what happened; {@code /metrics} is refused without the token, absent by default, and
 * a listener of its own serves it apart; nodes in one JVM never count into each other's registry.
 */
class MetricsEndToEndTest {

    static final String TOKEN = "test-scrape-token-0123456789abcdef";
    static final int CHATS_ALLOWED = 2;
    static final String HTTP = "stupy_http_server_requests_seconds_count";

    @AutoClose
    static final TestNode node = TestNode.start(TestNode.settings(TestNode.freshDataDir(), Optional.of(true))
            .withLimits(chatBudgetOf(CHATS_ALLOWED)).withMetrics(MetricsSettings.withToken(TOKEN)));
    static final Api api = node.api();

    /** The test nodes' budgets, with room for only {@code chats} chat messages, so the next one is refused. */
    static Budgets chatBudgetOf(int chats) {
        Map<String, Budget> overrides = new HashMap<>();
        TestNode.ONE_ADDRESS_LIMITS.inForce().stream().filter(Budget::isUnlimited).forEach(b -> overrides.put(b.name(), b));
        overrides.put(Budgets.CHAT_PER_USER.name(),
                new Budget(Budgets.CHAT_PER_USER.name(), chats, Duration.ofMinutes(10), Budget.Refill.WHOLE_PERIOD));
        return new Budgets(overrides);
    }

    static Scrape scrape() {
        Api.Reply reply = api.raw("GET", "/metrics", TOKEN, null, null);
        assertEquals(200, reply.status(), reply.raw());
        return Scrape.parse(reply.raw());
    }

    static Map<String, Object> chat(String clientMsgId, String text) {
        return Map.of("type", "chat", "clientMsgId", clientMsgId, "text", text);
    }

    @Test
    void theScenarioMovesEveryCounterByExactlyWhatHappened() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session alice = api.devLogin("alice" + suffix);
        Api.Session bob = api.devLogin("bob" + suffix);
        Scrape before = scrape();

        String roomId = api.openRoom(alice, "지표 " + suffix, bob);
        assertEquals(200, api.get("/api/rooms/" + roomId, alice).status());
        assertEquals(404, api.get("/api/no-such-thing", alice).status());
        assertEquals(400, api.post("/api/rooms", alice, Map.of()).status());
        try (LiveClient a = LiveClient.enter(api, alice, roomId)) {
            a.next("welcome");
            try (LiveClient b = LiveClient.enter(api, bob, roomId)) {
                b.next("welcome");
                a.next("peer-joined");
                a.send(chat("m1", "hello"));
                a.send(chat("m2", "again"));
                a.send(chat("m3", "one too many"));
                JsonNode refused = a.next(f -> f.path("type").asText().equals("error"), "refused chat");
                assertEquals("RATE_LIMITED", refused.path("code").asText(), refused.toString());
                b.next(f -> f.path("message").path("clientMsgId").asText().equals("m2"), "second chat");
                b.send(Map.of("type", "ping"));
                b.next("pong");
                a.send(Map.of("type", "dance"));
                a.send("not json at all");
                a.sendBinary(new byte[] {1, 2, 3});
                a.next(f -> f.path("type").asText().equals("error") && f.path("message").asText().contains("binary"), "binary error");

                // Every frame the node counted as sent arrives, and nothing else: the counts meet (and stay met once quiet).
                Map<String, Integer> received = new TreeMap<>();
                await(() -> {
                    received.clear();
                    received.putAll(byType(a, b));
                    return received.equals(framesOut(before, scrape()));
                }, "the frames counted out match the frames the clients received");
                Scrape live = scrape();
                assertEquals(2, live.value("stupy_live_connections"));
                assertEquals(2, (int) received.get("welcome"));
                assertEquals(1, (int) received.get("pong"));
                assertEquals(4, (int) received.get("error"), "refused chat, unknown type, unreadable text, binary frame");
                assertEquals(Map.of("chat", 3.0, "ping", 1.0, "signal", 0.0, "status", 0.0, "unknown", 1.0, "unreadable", 1.0,
                        "binary", 1.0), delta(before, live, "stupy_live_frames_in_total", "type"));
                // Each event handed to one connection is a delivery; welcome, pong and error are answers, not deliveries.
                int events = framesOut(before, live).entrySet().stream()
                        .filter(e -> !List.of("welcome", "pong", "error").contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
                assertTrue(events >= 2 * CHATS_ALLOWED, "both members got both chats: " + received);
                assertEquals(events, difference(before, live, "stupy_live_fanout_deliveries_total"));
                assertTrue(difference(before, live, "stupy_live_fanout_seconds_count") >= CHATS_ALLOWED, "each chat fanned out");

                // While both stay, every message of the new room (chats, join notices) was one append to the chat store.
                Api.Reply history = api.get("/api/rooms/" + roomId + "/messages?limit=100", alice);
                assertEquals(200, history.status());
                Scrape after = scrape();
                assertEquals(history.body().path("items").size(),
                        difference(before, after, "stupy_chat_store_seconds_count", "operation", "append", "outcome", "success"));
                assertEquals(0, difference(before, after, "stupy_chat_store_seconds_count", "operation", "append", "outcome", "failure"));
                assertHttpAndLimits(before, after);
            }
        }
        await(() -> scrape().value("stupy_live_connections") == 0, "both connections are gone from the gauge");
    }

    private static void assertHttpAndLimits(Scrape before, Scrape after) {
        assertEquals(Map.of(
                "POST /api/rooms 201", 1.0,
                "POST /api/rooms 400", 1.0,
                "POST /api/rooms/{id}/members 200", 1.0,
                "GET /api/rooms/{id} 200", 1.0,
                "GET NOT_FOUND 404", 1.0,
                "POST /api/rooms/{roomId}/live-ticket 200", 2.0,
                "GET /api/rooms/{roomId}/messages 200", 1.0), httpDelta(before, after));
        assertEquals(1, difference(before, after, "stupy_limits_refused_total", "limit", "chat-per-user"));
        assertEquals(0, difference(before, after, "stupy_limits_refused_total", "limit", "signal-per-connection"));
    }

    @Test
    void theScrapeIsRefusedWithoutTheTokenAndNeverSaysWhatItHolds() {
        for (String authorization : new String[] {null, "Bearer wrong-token-0123456789abcdef", "Basic " + TOKEN, TOKEN}) {
            Reply reply = raw(node.port(), authorization);
            assertEquals(401, reply.status(), String.valueOf(authorization));
            assertFalse(reply.raw().contains("jvm_"), reply.raw());
        }
        Reply scraped = raw(node.port(), "Bearer " + TOKEN);
        assertEquals(200, scraped.status());
        assertTrue(scraped.contentType().startsWith("text/plain; version=0.0.4"), scraped.contentType());
        Scrape scrape = Scrape.parse(scraped.raw());
        assertTrue(scrape.sum("jvm_memory_used_bytes", labels -> "heap".equals(labels.get("area"))) > 0, "the JVM's meters are there");
        assertTrue(scrape.has("jvm_threads_virtual_parallelism"), "the virtual-thread scheduler is there");
        assertTrue(scrape.has("jetty_connections_current"), "Jetty's connections are there");
        assertEquals(1, scrape.value("stupy_node_info"));
    }

    @Test
    void withoutSettingsThereIsNoMetricsAnywhere() {
        try (TestNode plain = TestNode.start()) {
            Reply reply = raw(plain.port(), "Bearer " + TOKEN);
            assertEquals(404, reply.status());
            assertFalse(reply.raw().contains("jvm_"));
        }
    }

    @Test
    void aListenerOfItsOwnServesTheNodesMetricsOnlyAndTheMainPortDoesNot() throws Exception {
        var settings = TestNode.settings(TestNode.freshDataDir(), Optional.of(true))
                .withMetrics(new MetricsSettings(Optional.empty(), Optional.of(0), "127.0.0.1"));
        try (TestNode apart = TestNode.start(settings)) {
            assertEquals(404, raw(apart.port(), null).status(), "no token: nothing on the main port");
            apart.api().devLogin("apart" + UUID.randomUUID().toString().substring(0, 6));
            int port = apart.metricsPort().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scraped.statusCode());
            Scrape own = Scrape.parse(scraped.body());
            assertEquals(1, own.value(HTTP, "method", "POST", "route", "/api/auth/dev-login", "status", "200"),
                    "its own login, and not the other node's");
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/other")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    /** {@code GET /metrics} on the main port with exactly this {@code Authorization} header (null: none). */
    private static Reply raw(int port, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, String raw, String contentType) {
    }

    /** Frames the two clients received, by type. */
    private static Map<String, Integer> byType(LiveClient... clients) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LiveClient client : clients) {
            client.frames().forEach(frame -> counts.merge(frame.path("type").asText(), 1, Integer::sum));
        }
        return counts;
    }

    /** The frames the node counted as sent since {@code before}, by type (types it sent none of left out). */
    private static Map<String, Integer> framesOut(Scrape before, Scrape now) {
        Map<String, Integer> counts = new TreeMap<>();
        delta(before, now, "stupy_live_frames_out_total", "type").forEach((type, count) -> {
            if (count > 0) {
                counts.put(type, count.intValue());
            }
        });
        return counts;
    }

    /** How much each series of {@code name} moved, keyed by its {@code label}. */
    private static Map<String, Double> delta(Scrape before, Scrape after, String name, String label) {
        Map<String, Double> moved = new TreeMap<>();
        after.samples().forEach((series, value) -> {
            if (series.name().equals(name)) {
                moved.put(series.labels().get(label), value - before.samples().getOrDefault(series, 0.0));
            }
        });
        return moved;
    }

    /** The HTTP requests counted since {@code before} as "METHOD route status", scrapes of /metrics left out. */
    private static Map<String, Double> httpDelta(Scrape before, Scrape after) {
        Map<String, Double> moved = new TreeMap<>();
        after.samples().forEach((series, value) -> {
            double change = value - before.samples().getOrDefault(series, 0.0);
            Map<String, String> l = series.labels();
            if (series.name().equals(HTTP) && change != 0 && !l.get("route").equals("/metrics")) {
                moved.put(l.get("method") + " " + l.get("route") + " " + l.get("status"), change);
            }
        });
        return moved;
    }

    private static double difference(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
