package kr.co.stupy.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.testing.AbstractRoomBroadcasterContract.Recorder;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.testing.Parallel;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Two nodes on one Redis of the test's own: events cross to the node that holds the connection and
 * no other, each node's connections get a room event once, the subscriber survives a restart of
 * Redis, and presence entries carry the expiry heartbeats refresh.
 */
class RedisManyNodesTest {

    TestRedis server;
    RedisClient redis;
    final String prefix = "test-" + Ids.newId() + ":";
    RedisLivePresence presence;
    final Node a = new Node();
    final Node b = new Node();
    RedisRoomBroadcaster onA;
    RedisRoomBroadcaster onB;
    final RoomId room = RoomId.newId();

    static final class Node implements DeliverLiveEventUseCase {
        final Recorder recorder = new Recorder();
        final AtomicInteger reconnects = new AtomicInteger();
        /** How many of the next reconnect notices fail, as a restore does on a connection the restart broke. */
        final AtomicInteger failuresToCome = new AtomicInteger();

        @Override
        public void deliver(ConnectionId connectionId, LiveEvent event) {
            recorder.deliver(connectionId, event);
        }

        @Override
        public void busReconnected() {
            reconnects.incrementAndGet();
            if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("Unexpected end of stream.");
            }
        }
    }

    @BeforeEach
    void start() {
        server = TestRedis.own();
        redis = RedisBus.connect(server.uri());
        presence = new RedisLivePresence(redis, prefix);
        onA = new RedisRoomBroadcaster(redis, presence, prefix, "node-a").start(a);
        onB = new RedisRoomBroadcaster(redis, presence, prefix, "node-b").start(b);
    }

    @AfterEach
    void stop() {
        onA.close();
        onB.close();
        redis.close();
        server.close();
    }

    LiveConnection live(String node) {
        Instant now = Instant.now();
        LiveConnection c = new LiveConnection(ConnectionId.newId(), UserId.newId(), room, node, now, Ids.newId(now));
        presence.admit(c);
        return c;
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void eventsReachTheHoldingNodeOnlyAndRoomEventsArePublishedOncePerNode() throws Exception {
        LiveConnection a1 = live("node-a");
        LiveConnection a2 = live("node-a");
        LiveConnection b1 = live("node-b");
        AtomicInteger published = new AtomicInteger();
        JedisPubSub counter = new JedisPubSub() {
            @Override
            public void onPMessage(String pattern, String channel, String message) {
                published.incrementAndGet();
            }
        };
        Thread spy = Thread.ofVirtual().start(() -> redis.psubscribe(counter, prefix + "node:*"));
        await(() -> counter.isSubscribed(), "spy subscribed");

        LiveEvent left = new LiveEvent.PeerLeft(ConnectionId.newId(), UserId.newId());
        onB.toRoom(room, left);
        // Each node publishes in its own order; two nodes' publications are not ordered against each other.
        await(() -> b.recorder.of(b1.connectionId()).size() == 1, "the departure reached node b");
        LiveEvent signal = new LiveEvent.Signal(a1.connectionId(), a1.userId(), "offer", new SignalPayload("{\"sdp\":\"x\"}"));
        onA.toConnection(b1.connectionId(), signal);

        await(() -> b.recorder.of(b1.connectionId()).size() == 2 && a.recorder.of(a2.connectionId()).size() == 1, "deliveries");
        assertEquals(List.of(left), a.recorder.of(a1.connectionId()));
        assertEquals(List.of(left, signal), b.recorder.of(b1.connectionId()));
        assertEquals(List.of(), b.recorder.of(a1.connectionId()), "node b never hears of node a's connections");
        assertEquals(List.of(), a.recorder.of(b1.connectionId()));
        await(() -> published.get() == 3, "three publications: one per node for the room, one for the signal");
        counter.punsubscribe();
        spy.join();
        assertEquals(3, published.get());
    }

    @Test
    void aConnectionThatLeftPresenceStillGetsItsClosingEvent() {
        LiveConnection b1 = live("node-b");
        presence.remove(b1.connectionId());
        onA.toConnection(b1.connectionId(), new LiveEvent.Kicked());
        await(() -> b.recorder.of(b1.connectionId()).equals(List.of(new LiveEvent.Kicked())), "kicked delivered on node b");
    }

    @Test
    void pooledConnectionsBrokenByARestartAreDroppedBeforeTheNextRequestUsesThem() throws Exception {
        // Fill the pool with idle connections, as a busy node has.
        Parallel.run(8, i -> redis.ping());
        server.stop();
        server.start();
        Thread.sleep(2_500);
        // Every pooled connection is used in turn: none may be one the restart broke.
        List<String> answers = Parallel.run(8, i -> redis.get(prefix + "nothing-" + i) == null ? "none" : "some");
        assertEquals(java.util.Collections.nCopies(8, "none"), answers);
    }

    @Test
    void theSubscriberComesBackAfterARedisRestartAndSaysSo() {
        LiveConnection b1 = live("node-b");
        server.stop();
        server.start();
        await(() -> a.reconnects.get() == 1 && b.reconnects.get() == 1, "both nodes told of the reconnect");
        // Redis came back empty: this is what the application does on busReconnected.
        assertTrue(presence.restore(b1, Instant.now()));
        onA.toConnection(b1.connectionId(), new LiveEvent.Replaced());
        await(() -> b.recorder.of(b1.connectionId()).equals(List.of(new LiveEvent.Replaced())), "delivery resumed");
    }

    @Test
    void aReconnectNoticeThatFailsIsRepeatedUntilItIsTakenIn() {
        a.failuresToCome.set(2);
        server.stop();
        server.start();
        await(() -> a.reconnects.get() == 3 && b.reconnects.get() == 1, "node a told again after two failures, node b once");
        assertEquals(0, a.failuresToCome.get());
    }

    @Test
    void entriesExpireUnlessHeartbeatsRefreshThemAndDeadOnesAreStale() {
        LiveConnection b1 = live("node-b");
        long ttl = redis.pttl(prefix + "conn:" + b1.connectionId().value());
        assertTrue(ttl > 0 && ttl <= RedisLivePresence.ENTRY_TTL.toMillis(), "expires: " + ttl);
        redis.pexpire(prefix + "conn:" + b1.connectionId().value(), 1_000);
        assertTrue(presence.heartbeat(b1.connectionId(), Instant.now()));
        assertTrue(redis.pttl(prefix + "conn:" + b1.connectionId().value()) > 100_000, "a heartbeat refreshes the expiry");

        assertEquals(List.of(b1.connectionId()), presence.staleSince(Instant.now().plusSeconds(1)).stream()
                .map(LiveConnection::connectionId).toList(), "a node that stops beating leaves its entries stale");
        redis.del(prefix + "conn:" + b1.connectionId().value());   // as if it expired with nobody reaping
        assertEquals(List.of(), presence.inRoom(room), "an expired entry is nobody");
        assertEquals(List.of(), presence.staleSince(Instant.now().plusSeconds(1)));
    }
}
