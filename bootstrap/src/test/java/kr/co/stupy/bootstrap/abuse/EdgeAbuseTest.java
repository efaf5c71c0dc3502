package kr.co.stupy.bootstrap.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import kr.co.stupy.adapter.web.WebSettings;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the HTTP and WebSocket edge of a real node, each while {@code /api/health} is asked
 * every 50 ms on fresh connections: every one of those asks must be answered, and all but a few
 * within {@link #HEALTHY}. A stall fails every answer after it; one answer held up while the
 * attack's own hundreds of sockets are opened on a two-core machine is scheduling, not a stall.
 * The attackers use other loopback addresses (127.0.0.2, 127.0.0.3) than the health checks, as
 * strangers would, so the per-address cap bounds them without touching the checks.
 */
@Tag("solo") // bounds latency: runs alone (see bootstrap/pom.xml)
class EdgeAbuseTest {

    /** The bound on health answers while an attack runs: far above a normal answer (a few ms), far below a stall. */
    static final Duration HEALTHY = Duration.ofSeconds(1);
    /** How many answers in a hundred may take longer than {@link #HEALTHY} (each must still come). */
    static final int SLOW_PER_HUNDRED = 3;
    static final int PER_ADDRESS = 500;

    @AutoClose
    static final TestNode node = TestNode.start(TestNode.settings(TestNode.freshDataDir(), Optional.of(true))
            // Hundreds of guests from one address are this test's setup, not an attack.
            .withLimits(new Budgets(Map.of(
                    Budgets.GUEST_SIGNUP_PER_ADDRESS.name(), Budgets.GUEST_SIGNUP_PER_ADDRESS.as(100_000, Duration.ofHours(1)),
                    Budgets.LOGIN_PER_ADDRESS.name(), Budgets.LOGIN_PER_ADDRESS.as(100_000, Duration.ofHours(1)))))
            .withConnectionCaps(new Settings.ConnectionCaps(10_000, PER_ADDRESS)));
    static final Api api = node.api();

    /** The first answers of a fresh JVM are slow for reasons of its own (loading, compiling); attacks are timed on a warm node. */
    @BeforeAll
    static void warmUp() {
        for (int i = 0; i < 50; i++) {
            assertEquals(200, api.get("/api/health", null).status());
        }
    }

    @Test
    void slowlorisHeadsAreCutAtTheDeadlineWhileHealthAnswers() throws Exception {
        int attackers = 300;
        long deadlineMillis = WebSettings.DEFAULT_REQUEST_HEAD_DEADLINE.toMillis();
        List<Socket> sockets = new ArrayList<>();
        Map<Socket, Long> endedAfterMillis = new ConcurrentHashMap<>();
        try (HealthWatch health = HealthWatch.start(node.port())) {
            long started = System.nanoTime();
            for (int i = 0; i < attackers; i++) {
                Socket socket = from("127.0.0.2");
                // Each is timed from its own first bytes: opening 300 on a busy two-core machine takes seconds of its own.
                long opened = System.nanoTime();
                socket.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: stupy\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sockets.add(socket);
                Thread.ofVirtual().start(() -> endedAfterMillis.put(socket, waitForTheEnd(socket, opened)));
            }
            // One more header line a second per connection: each resets the idle timeout, none completes the head.
            long giveUp = started + Duration.ofMillis(deadlineMillis + 5_000).toNanos();
            for (int line = 0; endedAfterMillis.size() < attackers && System.nanoTime() < giveUp; line++) {
                for (Socket socket : sockets) {
                    if (!endedAfterMillis.containsKey(socket)) {
                        trickle(socket, "X-Trickle-" + line + ": still typing\r\n");
                    }
                }
                Thread.sleep(1_000);
            }
            assertEquals(attackers, endedAfterMillis.size(), "every trickling connection is closed by the server");
            long latest = endedAfterMillis.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(latest <= deadlineMillis + 3_000, "the last one lasted " + latest + " ms; the deadline is " + deadlineMillis + " ms");
            assertHealthy(health.stop(), "slowloris");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfConnections() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                held.add(from("127.0.0.3"));
            }
            assertEquals(200, healthOn(held.getLast()), "the last one within the cap is served");
            try (Socket oneTooMany = from("127.0.0.3")) {
                assertEquals(-1, healthOn(oneTooMany), "one past the cap is closed unanswered");
            }
            assertEquals(200, healthOn(from("127.0.0.1", held)), "another address is not affected");
            held.removeFirst().close();
            held.removeFirst().close();
            int status = -1;
            for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
                // The server notices the closes on its own time.
                status = healthOn(from("127.0.0.3", held));
                Thread.sleep(100);
            }
            assertEquals(200, status, "a closed connection gives its place back");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aReaderThatFallsBehindIsClosedAndOthersKeepTheirHeap() throws Exception {
        Api.Session sender = api.devLogin("sender-" + UUID.randomUUID().toString().substring(0, 6));
        Api.Session sleeper = api.devLogin("sleeper-" + UUID.randomUUID().toString().substring(0, 6));
        String roomId = room(sender, sleeper);
        int signals = 250;
        String payload = "x".repeat(60_000);
        try (HealthWatch health = HealthWatch.start(node.port());
             LiveClient flooder = LiveClient.enter(api, sender, roomId)) {
            flooder.next("welcome");
            String ticket = api.post("/api/rooms/" + roomId + "/live-ticket", sleeper, null).body().get("ticket").asText();
            // A small receive window: what the server sends this reader piles up on the server's side.
            try (RawWebSocket slow = RawWebSocket.open(node.port(), "/ws/rooms/" + roomId + "?ticket=" + ticket, 4096)) {
                String slowId = flooder.next("peer-joined").at("/peer/connectionId").asText();
                for (int i = 0; i < signals; i++) {
                    flooder.send(Map.of("type", "signal", "to", slowId, "kind", "candidate", "payload", Map.of("pad", payload)));
                }
                flooder.send(Map.of("type", "ping"));
                flooder.next("pong");   // every signal has been handled
                long sent = (long) signals * payload.length();

                RawWebSocket.Frame last = readUntilClosed(slow);
                assertEquals(RawWebSocket.Frame.CLOSE, last.opcode(), "the reader is closed, not sent everything");
                assertEquals(1013, last.closeCode());
                assertTrue(slow.bytesRead() < sent / 2, "it got " + slow.bytesRead() + " of " + sent + " bytes before the close");
                // It never answers the close: its session still ends within seconds.
                assertEquals(sleeper.userId(), flooder.next("peer-left").path("userId").asText());
            }
            flooder.send(Map.of("type", "ping"));
            flooder.next("pong");
            assertHealthy(health.stop(), "slow reader");
        }
    }

    @Test
    void manyConnectionsClosingAtOnceDoNotStallTheNode() throws Exception {
        int rooms = 75;   // 300 live connections
        HttpClient shared = HttpClient.newHttpClient();
        List<LiveClient> clients = new ArrayList<>();
        Map<String, Api.Session> roomOwners = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<LiveClient>>> entered = IntStream.range(0, rooms).mapToObj(r -> pool.submit(() -> {
                List<Api.Session> members = IntStream.range(0, 4)
                        .mapToObj(m -> api.devLogin("mass-" + r + "-" + m + "-" + UUID.randomUUID().toString().substring(0, 4)))
                        .toList();
                String roomId = room(members.getFirst(), members.subList(1, 4).toArray(Api.Session[]::new));
                roomOwners.put(roomId, members.getFirst());
                List<LiveClient> live = new ArrayList<>();
                for (Api.Session member : members) {
                    LiveClient client = LiveClient.enter(api, member, roomId, shared);
                    client.next("welcome");
                    live.add(client);
                }
                return live;
            })).toList();
            for (Future<List<LiveClient>> room : entered) {
                clients.addAll(room.get());
            }
        }
        long closedAt;
        try (HealthWatch health = HealthWatch.start(node.port());
             ExecutorService closers = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread.sleep(300);   // a few answers from before, for comparison in the failure message
            closedAt = System.nanoTime();
            clients.forEach(client -> closers.submit(client::close));
            closers.close();
            Thread.sleep(3_000);   // the seconds after, when the stall was seen
            assertHealthy(health.stop(), clients.size() + " live connections closing at once");
        }
        // Ending the sessions in turn must still end them all soon: every room is empty again.
        long deadline = closedAt + Duration.ofSeconds(20).toNanos();
        for (var room : roomOwners.entrySet()) {
            while (api.get("/api/rooms/" + room.getKey(), room.getValue()).body().path("liveCount").asInt() > 0) {
                assertTrue(System.nanoTime() < deadline, "room " + room.getKey() + " still has live members 20 s after the close");
                Thread.sleep(100);
            }
        }
    }

    // ---- helpers

    private static String room(Api.Session owner, Api.Session... members) {
        return api.openRoom(owner, "abuse " + UUID.randomUUID().toString().substring(0, 8), members);
    }

    private static void assertHealthy(List<Duration> answers, String during) {
        assertTrue(answers.size() >= 5, "too few health answers during " + during + ": " + answers);
        List<Long> millis = answers.stream().map(Duration::toMillis).toList();
        assertTrue(answers.stream().allMatch(HealthWatch::answered), "a health check went unanswered during " + during + ": " + millis);
        long slow = answers.stream().filter(took -> took.compareTo(HEALTHY) >= 0).count();
        assertTrue(slow * 100 <= (long) SLOW_PER_HUNDRED * answers.size(), "during " + during + " " + slow + " of " + answers.size()
                + " health answers took " + HEALTHY.toMillis() + " ms or more; all: " + millis);
    }

    private static Socket from(String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** A connection opened to be closed with the others at the end. */
    private static Socket from(String localAddress, List<Socket> closeLater) throws IOException {
        Socket socket = from(localAddress);
        closeLater.add(socket);
        return socket;
    }

    /** Asks for health on this connection: the status, or -1 when the server closed it unanswered. */
    private static int healthOn(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/health HTTP/1.1\r\nHost: stupy\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            StringBuilder status = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    return -1;
                }
                status.append((char) c);
            }
            return Integer.parseInt(status.toString().split(" ")[1]);
        } catch (IOException reset) {
            return -1;
        }
    }

    private static void trickle(Socket socket, String line) {
        try {
            socket.getOutputStream().write(line.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException closed) {
            // its reader thread records the end
        }
    }

    /** Blocks until the server ends the connection; how long after {@code opened} it was, in ms. */
    private static long waitForTheEnd(Socket socket, long opened) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // a 408 or whatever the server says on its way out
            }
        } catch (IOException ended) {
            // reset or closed: ended either way
        }
        return Duration.ofNanos(System.nanoTime() - opened).toMillis();
    }

    /** Reads until the close frame, for at most 20 s in all (the server's own pings would keep a per-read timeout from ever firing). */
    private static RawWebSocket.Frame readUntilClosed(RawWebSocket socket) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            RawWebSocket.Frame frame;
            try {
                socket.readTimeout(Duration.ofNanos(deadline - System.nanoTime()));
                frame = socket.read();
            } catch (java.net.SocketTimeoutException silent) {
                fail("the server did not close the reader within 20 s; it read " + socket.bytesRead() + " bytes");
                return null;
            }
            if (frame.opcode() == RawWebSocket.Frame.CLOSE) {
                return frame;
            }
        }
    }
}
