package kr.co.stupy.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Through a real Redis, the bus counts what it did: each publication timed from queued to taken by
 * Redis, each event timed from published to delivered, nothing failed or refused, and a subscription
 * that came back after Redis restarted is one reconnect.
 */
class RedisBusMetricsTest {

    @Test
    void publicationsDeliveriesAndAReconnectAreMeasured() throws Exception {
        try (TestRedis server = TestRedis.own(); RedisClient redis = RedisBus.connect(server.uri())) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            String prefix = "metrics-" + Ids.newId() + ":";
            RedisLivePresence presence = new RedisLivePresence(redis, prefix);
            List<LiveEvent> delivered = new CopyOnWriteArrayList<>();
            AtomicInteger reconnected = new AtomicInteger();
            RoomId room = RoomId.newId();
            LiveConnection here = new LiveConnection(ConnectionId.newId(), UserId.newId(), room, "node-a", Instant.now(), Ids.newId());
            assertInstanceOf(LivePresence.Admission.Admitted.class, presence.admit(here));

            try (RedisRoomBroadcaster bus = new RedisRoomBroadcaster(redis, presence, prefix, "node-a", registry)
                    .start(new DeliverLiveEventUseCase() {
                        @Override
                        public void deliver(ConnectionId connectionId, LiveEvent event) {
                            delivered.add(event);
                        }

                        @Override
                        public void busReconnected() {
                            reconnected.incrementAndGet();
                        }
                    })) {
                for (int i = 0; i < 5; i++) {
                    bus.toRoom(room, new LiveEvent.Kicked());
                }
                bus.toConnection(here, new LiveEvent.Left());
                await(() -> delivered.size() == 6, "six events delivered");
                await(() -> registry.get(RedisRoomBroadcaster.FANOUT).timer().count() == 6, "six fan-outs timed");

                assertEquals(6, registry.get(PipelinedPublisher.PUBLISH).timer().count(), "each publication timed once");
                assertEquals(0, registry.get(PipelinedPublisher.FAILED).counter().count());
                assertEquals(0, registry.get(PipelinedPublisher.REFUSED).counter().count());
                assertEquals(0, registry.get(PipelinedPublisher.QUEUED).gauge().value());
                assertEquals(0, registry.get(RedisRoomBroadcaster.RECONNECTS).counter().count());

                server.stop();
                server.start();
                await(() -> reconnected.get() >= 1, "the application told the bus is back");
                assertEquals(1, registry.get(RedisRoomBroadcaster.RECONNECTS).counter().count());
            }
        }
    }

    @Test
    void anEnvelopeSaysWhenItWasPublishedAndOneWithoutThatIsStillRead() {
        LiveEventCodec codec = new LiveEventCodec();
        var sent = new LiveEventCodec.Envelope(List.of(ConnectionId.newId()), new LiveEvent.Left(), 1_765_000_000_123_456L);
        assertEquals(sent, codec.decode(codec.encode(sent)));
        assertTrue(codec.encode(sent).contains("\"at\":1765000000123456"));
        var older = new LiveEventCodec.Envelope(List.of(ConnectionId.newId()), new LiveEvent.Left());
        assertEquals(0, codec.decode(codec.encode(older)).sentAtMicros(), "a node of an earlier version sends no time");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }
}
