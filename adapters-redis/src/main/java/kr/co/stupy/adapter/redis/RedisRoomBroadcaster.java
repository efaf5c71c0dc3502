package kr.co.stupy.adapter.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.shared.RoomId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Fan-out over Redis pub/sub with one channel, and one subscription, per node
 * ({@code <prefix>node:<nodeId>}). A room event is published once to each node holding any of the
 * room's connections (as presence says), naming them; an event for one connection goes to its node
 * only. Everything goes through Redis, even for this node, so one connection's events keep the
 * order they were sent in; publications leave in that order too, pipelined by one writer
 * ({@link PipelinedPublisher}), so a frame handler never waits for Redis to answer. The subscriber
 * reconnects by itself with backoff and then tells the application, which puts this node's
 * connections back should Redis have come back empty.
 * <p>
 * Measured: {@value #RECONNECTS} counts the subscription coming back after it was lost, and
 * {@value #FANOUT} times each event received from the moment it was published (on the publishing
 * node's clock, so nodes' clocks must agree, as NTP keeps them) until it was handed to this node's
 * connections.
 */
public final class RedisRoomBroadcaster implements RoomBroadcaster, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRoomBroadcaster.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    static final String RECONNECTS = "stupy.bus.reconnects";
    /** The same meter the one-node wiring times its fan-out with. */
    public static final String FANOUT = "stupy.live.fanout";

    private final UnifiedJedis redis;
    private final RedisLivePresence presence;
    private final String prefix;
    private final String nodeId;
    private final LiveEventCodec codec = new LiveEventCodec();
    private PipelinedPublisher publisher;
    private final CountDownLatch firstSubscribed = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Listener listener;
    private Thread subscriber;
    private final MeterRegistry registry;
    private final Counter reconnects;
    private final Timer fanout;

    /** A broadcaster measured nowhere (a registry without backends records nothing). */
    public RedisRoomBroadcaster(UnifiedJedis redis, RedisLivePresence presence, String prefix, String nodeId) {
        this(redis, presence, prefix, nodeId, new CompositeMeterRegistry());
    }

    public RedisRoomBroadcaster(UnifiedJedis redis, RedisLivePresence presence, String prefix, String nodeId, MeterRegistry registry) {
        this.redis = redis;
        this.presence = presence;
        this.prefix = prefix;
        this.nodeId = nodeId;
        this.registry = registry;
        this.reconnects = Counter.builder(RECONNECTS).description("Times this node's bus subscription came back after it was lost")
                .register(registry);
        this.fanout = Timer.builder(FANOUT).description("Live events from published to handed to this node's connections")
                .register(registry);
    }

    /** Subscribes this node's channel and waits (briefly) until it is, so no event sent after start is missed. */
    public RedisRoomBroadcaster start(DeliverLiveEventUseCase inbound) {
        running = true;
        publisher = new PipelinedPublisher(redis, nodeId, PipelinedPublisher.DEFAULT_CAPACITY, registry);
        subscriber = Thread.ofPlatform().daemon().name("redis-subscriber-" + nodeId).start(() -> listen(inbound));
        try {
            if (!firstSubscribed.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not subscribe to Redis channel " + channel(nodeId) + " within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    @Override
    public void toRoom(RoomId roomId, LiveEvent event) {
        Map<String, List<ConnectionId>> byNode = new LinkedHashMap<>();
        for (LiveConnection c : presence.inRoom(roomId)) {
            byNode.computeIfAbsent(c.nodeId(), n -> new ArrayList<>()).add(c.connectionId());
        }
        long at = nowMicros();
        byNode.forEach((node, ids) -> publish(node, new LiveEventCodec.Envelope(ids, event, at)));
    }

    @Override
    public void toConnection(ConnectionId connectionId, LiveEvent event) {
        presence.nodeOf(connectionId).ifPresentOrElse(
                node -> publish(node, new LiveEventCodec.Envelope(List.of(connectionId), event, nowMicros())),
                () -> LOG.debug("no node holds connection {}; {} dropped", connectionId.value(), event.getClass().getSimpleName()));
    }

    @Override
    public void toConnection(LiveConnection target, LiveEvent event) {
        publish(target.nodeId(), new LiveEventCodec.Envelope(List.of(target.connectionId()), event, nowMicros()));
    }

    /** The wall clock in microseconds: the one clock nodes share (to NTP's precision). */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Times a delivered event from its publication; an envelope without a time, or one from a clock ahead, is not timed. */
    private void timeFanout(long sentAtMicros) {
        if (sentAtMicros > 0) {
            long micros = nowMicros() - sentAtMicros;
            if (micros >= 0) {
                fanout.record(micros, TimeUnit.MICROSECONDS);
            }
        }
    }

    private void publish(String node, LiveEventCodec.Envelope envelope) {
        if (publisher == null) {
            throw new IllegalStateException("the broadcaster of " + nodeId + " was not started");
        }
        publisher.publish(channel(node), codec.encode(envelope));
    }

    private String channel(String node) {
        return prefix + "node:" + node;
    }

    private void listen(DeliverLiveEventUseCase inbound) {
        long backoffMillis = 100;
        boolean everSubscribed = false;
        while (running) {
            Listener current = new Listener(inbound, everSubscribed);
            listener = current;
            try {
                redis.subscribe(current, channel(nodeId));   // blocks until unsubscribed or the connection breaks
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Redis subscription of {} lost ({}); reconnecting", nodeId, e.getMessage());
                }
            }
            everSubscribed |= current.subscribed;
            if (current.subscribed) {
                backoffMillis = 100;
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        }
    }

    /**
     * Tells the application the bus is back until it has taken it in. Right after Redis restarts, a
     * pooled connection the command side still holds fails its first command, so one try is not
     * enough; a later subscription that replaces this one runs its own.
     */
    private void restoreWhileSubscribed(DeliverLiveEventUseCase inbound, Listener subscription) {
        long backoffMillis = 100;
        while (running && listener == subscription) {
            try {
                inbound.busReconnected();
                return;
            } catch (RuntimeException e) {
                LOG.warn("putting live connections back into Redis failed ({}); trying again in {} ms", e.getMessage(), backoffMillis);
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        }
    }

    private final class Listener extends JedisPubSub {
        private final DeliverLiveEventUseCase inbound;
        private final boolean again;
        volatile boolean subscribed;

        Listener(DeliverLiveEventUseCase inbound, boolean again) {
            this.inbound = inbound;
            this.again = again;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            subscribed = true;
            firstSubscribed.countDown();
            if (again) {
                reconnects.increment();
                LOG.info("Redis subscription of {} is back; putting this node's live connections back", nodeId);
                // Off the subscriber thread: restoring talks to Redis, and events may already be arriving.
                Thread.ofVirtual().name("redis-restore-" + nodeId).start(() -> restoreWhileSubscribed(inbound, this));
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                LiveEventCodec.Envelope envelope = codec.decode(message);
                inbound.deliver(envelope.to(), envelope.event());
                timeFanout(envelope.sentAtMicros());
            } catch (RuntimeException e) {
                LOG.warn("a live event from Redis could not be delivered", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (publisher != null) {
            publisher.close();
        }
        Listener current = listener;
        if (current != null && current.subscribed) {
            try {
                current.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("unsubscribing failed", e);
            }
        }
        if (subscriber != null) {
            subscriber.interrupt();
            try {
                subscriber.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
