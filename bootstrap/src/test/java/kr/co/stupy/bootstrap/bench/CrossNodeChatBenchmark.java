package kr.co.stupy.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kr.co.stupy.adapter.redis.RedisBus;
import kr.co.stupy.adapter.redis.RedisLivePresence;
import kr.co.stupy.adapter.redis.RedisRoomBroadcaster;
import kr.co.stupy.adapter.redis.TestRedis;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import redis.clients.jedis.RedisClient;

/**
 * Cross-node chat through Redis on this machine, as a program with a report (not a test).
 *
 * <p>Part 1, the bus: two nodes' broadcasters in this JVM on one redis-server, a room with two
 * connections on each node; chat events published by node A as fast as eight threads can, timed
 * from {@code toRoom} to delivery on node B (presence lookup in Lua, PUBLISH, subscriber, decode).
 *
 * <p>Part 2, end to end: two real Stupy nodes (shared embedded database, one Redis), two senders on
 * node one and two receivers on node two over WebSocket; chat frames timed from send to arrival on
 * the other node. Each sender keeps under the 20-per-10-s chat limit, so this part measures
 * latency, not throughput.
 *
 * <p>Run: see README "Running many nodes" (benchmark). Arguments: [busMessages] [e2eSeconds].
 */
public final class CrossNodeChatBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int busMessages = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int e2eSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (TestRedis redis = TestRedis.own()) {
            System.out.printf("Redis: %s (%s cores)%n", redis.uri(), Runtime.getRuntime().availableProcessors());
            bus(redis, busMessages);
            endToEnd(Optional.of(redis), e2eSeconds);
            // The same chats on one node with the in-process bus: what the database and the node cost without Redis.
            endToEnd(Optional.empty(), e2eSeconds / 2);
        }
        System.exit(0);
    }

    /** Part 1: RedisRoomBroadcaster to RedisRoomBroadcaster. */
    static void bus(TestRedis server, int messages) throws Exception {
        String prefix = "bench-" + Ids.newId() + ":";
        try (RedisClient redis = RedisBus.connect(server.uri())) {
            RedisLivePresence presence = new RedisLivePresence(redis, prefix);
            RoomId room = RoomId.newId();
            List<ConnectionId> onB = new ArrayList<>();
            for (String node : List.of("node-a", "node-a", "node-b", "node-b")) {
                Instant now = Instant.now();
                LiveConnection c = new LiveConnection(ConnectionId.newId(), UserId.newId(), room, node, now, Ids.newId(now));
                presence.admit(c);
                if (node.equals("node-b")) {
                    onB.add(c.connectionId());
                }
            }
            ConnectionId watched = onB.getFirst();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long[] latencies = new long[messages];
            AtomicLong received = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            int warmUp = Math.min(5_000, messages / 5);
            DeliverLiveEventUseCase nodeB = new DeliverLiveEventUseCase() {
                @Override
                public void deliver(ConnectionId connectionId, LiveEvent event) {
                    if (connectionId.equals(watched) && event instanceof LiveEvent.ChatPosted posted) {
                        long now = System.nanoTime();
                        String id = posted.message().message().clientMsgId().orElseThrow().value();
                        int n = (int) received.getAndIncrement();
                        latencies[n] = now - sentAt.remove(id);
                        if (n + 1 == messages) {
                            done.countDown();
                        }
                    }
                }

                @Override
                public void busReconnected() {
                }
            };
            DeliverLiveEventUseCase nodeA = new DeliverLiveEventUseCase() {
                @Override
                public void deliver(ConnectionId connectionId, LiveEvent event) {
                }

                @Override
                public void busReconnected() {
                }
            };
            try (RedisRoomBroadcaster a = new RedisRoomBroadcaster(redis, presence, prefix, "node-a").start(nodeA);
                 RedisRoomBroadcaster b = new RedisRoomBroadcaster(redis, presence, prefix, "node-b").start(nodeB)) {
                UserId author = UserId.newId();
                int threads = 8;
                AtomicLong next = new AtomicLong();
                long start = System.nanoTime();
                List<Thread> senders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    senders.add(Thread.ofPlatform().start(() -> {
                        long i;
                        while ((i = next.getAndIncrement()) < messages) {
                            String id = "b" + i;
                            LiveEvent chat = new LiveEvent.ChatPosted(new RoomMessage(ChatMessage.byMember(room, author,
                                    new MessageText("벤치마크 메시지 " + i), new ClientMessageId(id), Instant.now()), "bench"));
                            sentAt.put(id, System.nanoTime());
                            a.toRoom(room, chat);
                        }
                    }));
                }
                for (Thread sender : senders) {
                    sender.join();
                }
                if (!done.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("only " + received.get() + " of " + messages + " arrived");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long[] measured = java.util.Arrays.copyOfRange(latencies, warmUp, messages);
                java.util.Arrays.sort(measured);
                System.out.printf("bus (toRoom on node A -> delivery on node B, 2+2 connections, %d publishing threads):%n", threads);
                System.out.printf("  %d messages in %.2f s = %.0f messages/s (each a presence lookup + 2 PUBLISHes; %.0f deliveries/s)%n",
                        messages, seconds, messages / seconds, messages * 4 / seconds);
                System.out.printf("  latency under that load (after %d warm-up): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", warmUp,
                        pct(measured, 50), pct(measured, 99), measured[measured.length - 1] / 1e6);
            }
            latencySingle(server, prefix + "single:");
        }
    }

    /** The same path one message at a time, so latency is not queueing behind a flood. */
    static void latencySingle(TestRedis server, String prefix) throws Exception {
        try (RedisClient redis = RedisBus.connect(server.uri())) {
            RedisLivePresence presence = new RedisLivePresence(redis, prefix);
            RoomId room = RoomId.newId();
            Instant now = Instant.now();
            LiveConnection onB = new LiveConnection(ConnectionId.newId(), UserId.newId(), room, "node-b", now, Ids.newId(now));
            presence.admit(onB);
            presence.admit(new LiveConnection(ConnectionId.newId(), UserId.newId(), room, "node-a", now, Ids.newId(now)));
            var arrivals = new java.util.concurrent.SynchronousQueue<Long>();
            DeliverLiveEventUseCase nodeB = new DeliverLiveEventUseCase() {
                @Override
                public void deliver(ConnectionId connectionId, LiveEvent event) {
                    try {
                        arrivals.put(System.nanoTime());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void busReconnected() {
                }
            };
            DeliverLiveEventUseCase none = new DeliverLiveEventUseCase() {
                @Override
                public void deliver(ConnectionId connectionId, LiveEvent event) {
                }

                @Override
                public void busReconnected() {
                }
            };
            int samples = 5_000;
            long[] latencies = new long[samples];
            try (RedisRoomBroadcaster a = new RedisRoomBroadcaster(redis, presence, prefix, "node-a").start(none);
                 RedisRoomBroadcaster b = new RedisRoomBroadcaster(redis, presence, prefix, "node-b").start(nodeB)) {
                UserId author = UserId.newId();
                for (int i = -1_000; i < samples; i++) {
                    LiveEvent chat = new LiveEvent.ChatPosted(new RoomMessage(ChatMessage.byMember(room, author,
                            new MessageText("하나씩 " + i), new ClientMessageId("s" + (i + 1_000)), Instant.now()), "bench"));
                    long sent = System.nanoTime();
                    a.toRoom(room, chat);
                    long arrived = arrivals.take();
                    if (i >= 0) {
                        latencies[i] = arrived - sent;
                    }
                }
            }
            java.util.Arrays.sort(latencies);
            System.out.printf("bus, one message at a time (%d samples after 1000 warm-up): p50 %.3f ms, p99 %.3f ms%n",
                    samples, pct(latencies, 50), pct(latencies, 99));
        }
    }

    /** Part 2: WebSocket chat from node one to node two. */
    static void endToEnd(Optional<TestRedis> redis, int seconds) throws Exception {
        int mongoPort = freePort();
        String secret = "bench-secret-0123456789abcdef0123456789";
        try (TestNode one = TestNode.start(settings(redis, Optional.empty(), Optional.of(mongoPort), secret));
             TestNode other = redis.isEmpty() ? null
                     : TestNode.start(settings(redis, Optional.of(one.embeddedDatabaseUri()), Optional.empty(), secret))) {
            TestNode two = other == null ? one : other;
            Api api = one.api();
            List<Api.Session> users = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                users.add(api.devLogin("bench" + i + UUID.randomUUID().toString().substring(0, 4)));
            }
            String roomId = api.post("/api/rooms", users.getFirst(), Map.of("title", "벤치", "description", "측정", "maxMembers", 10))
                    .body().get("id").asText();
            for (Api.Session member : users.subList(1, 4)) {
                two.api().post("/api/rooms/" + roomId + "/members", member, Map.of());
            }
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Socket> senders = List.of(Socket.open(one.api(), users.get(0), roomId, null, null),
                    Socket.open(one.api(), users.get(1), roomId, null, null));
            List<Socket> receivers = List.of(Socket.open(two.api(), users.get(2), roomId, sentAt, latencies),
                    Socket.open(two.api(), users.get(3), roomId, sentAt, latencies));
            Thread.sleep(1_000);
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            int sent = 0;
            // 20 chats per 10 s per connection are allowed: each sender sends one every 550 ms, staggered.
            while (System.nanoTime() < end) {
                for (Socket sender : senders) {
                    String id = "e" + sent++;
                    sentAt.put(id + "#0", System.nanoTime());
                    sentAt.put(id + "#1", sentAt.get(id + "#0"));
                    sender.send(JSON.writeValueAsString(Map.of("type", "chat", "clientMsgId", id, "text", "측정 " + id)));
                    Thread.sleep(275);
                }
            }
            Thread.sleep(1_000);
            long[] measured = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(redis.isPresent()
                    ? "end to end (WebSocket chat, sender on node one -> receiver on node two through Redis, %d chats x 2 receivers, %d s):%n"
                    : "reference, one node without Redis (in-process bus, same chats, %d chats x 2 receivers, %d s):%n", sent, seconds);
            System.out.printf("  %d deliveries: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", measured.length, pct(measured, 50),
                    pct(measured, 99), measured[measured.length - 1] / 1e6);
            senders.forEach(Socket::close);
            receivers.forEach(Socket::close);
            Thread.sleep(1_000);   // let the nodes see the closes before they shut down
        }
    }

    static Settings settings(Optional<TestRedis> redis, Optional<String> mongoUri, Optional<Integer> expose, String secret) {
        return new Settings(0, TestNode.freshDataDir(), mongoUri, expose, redis.map(r -> r.uri().toString()), Optional.of(secret),
                Optional.of(true), ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.empty(),
                Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(), List.of());
    }

    static double pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WebSocket that times the arrival of benchmark chats (keyed per receiver, so each arrival counts once). */
    static final class Socket implements WebSocket.Listener {
        private static final AtomicLong RECEIVERS = new AtomicLong();
        private final StringBuilder partial = new StringBuilder();
        private final Map<String, Long> sentAt;
        private final List<Long> latencies;
        private final long receiver = RECEIVERS.getAndIncrement() % 2;
        private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
        private WebSocket socket;

        private Socket(Map<String, Long> sentAt, List<Long> latencies) {
            this.sentAt = sentAt;
            this.latencies = latencies;
        }

        static Socket open(Api api, Api.Session who, String roomId, Map<String, Long> sentAt, List<Long> latencies) throws Exception {
            String ticket = api.post("/api/rooms/" + roomId + "/live-ticket", who, null).body().get("ticket").asText();
            Socket s = new Socket(sentAt, latencies);
            s.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(api.base().replace("http://", "ws://") + "/ws/rooms/" + roomId + "?ticket=" + ticket), s)
                    .get(10, TimeUnit.SECONDS);
            s.welcomed.get(10, TimeUnit.SECONDS);
            return s;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    String type = frame.path("type").asText();
                    if (type.equals("welcome")) {
                        welcomed.complete(null);
                    } else if (type.equals("chat") && sentAt != null) {
                        Long sent = sentAt.remove(frame.at("/message/clientMsgId").asText() + "#" + receiver);
                        if (sent != null) {
                            latencies.add(now - sent);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
