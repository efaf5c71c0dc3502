package kr.co.stupy.adapter.web.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import kr.co.stupy.application.live.LiveEvent;

/**
 * What this node's live connections say and hear, counted by frame type. Frames are the hot path
 * (a room's signal burst is hundreds a second), so every counter is registered once, here, for a
 * fixed set of types: counting a frame is a map lookup by a short string and one increment, never
 * a registry lookup or a tag array. A type outside the set counts as {@value #UNKNOWN}, so a
 * client cannot make up series by sending made-up types.
 */
public final class LiveTraffic {

    public static final String FRAMES_IN = "stupy.live.frames.in";
    public static final String FRAMES_OUT = "stupy.live.frames.out";
    public static final String DELIVERIES = "stupy.live.fanout.deliveries";
    public static final String CONNECTIONS = "stupy.live.connections";

    static final String UNKNOWN = "unknown";
    /** Text that is not a JSON value. */
    static final String UNREADABLE = "unreadable";
    /** A binary frame; the contract has none. */
    static final String BINARY = "binary";

    /** What a client may send (API.md), and the two ways a frame is not one. */
    static final List<String> IN_TYPES = List.of("ping", "chat", "signal", "status", UNKNOWN, UNREADABLE, BINARY);
    /** What the server sends: the answers of its own, and one type per {@link LiveEvent} ({@link LiveFrames#typeOf}). */
    static final List<String> OUT_TYPES = List.of("welcome", "pong", "error", "signal", "peer-joined", "peer-left", "chat",
            "peer-status", "pomodoro", "study", "kicked", "left", "room-closed", "replaced", UNKNOWN);

    private final Map<String, Counter> in;
    private final Map<String, Counter> out;
    private final Counter unknownIn;
    private final Counter unknownOut;
    private final Counter deliveries;

    public LiveTraffic(MeterRegistry registry) {
        this.in = counters(registry, FRAMES_IN, "Frames received from live connections, by type", IN_TYPES);
        this.out = counters(registry, FRAMES_OUT, "Frames handed to live connections for writing, by type", OUT_TYPES);
        this.unknownIn = in.get(UNKNOWN);
        this.unknownOut = out.get(UNKNOWN);
        this.deliveries = Counter.builder(DELIVERIES)
                .description("Room events handed to this node's live connections (one per event and connection)")
                .register(registry);
    }

    /** Reports how many live connections {@code holder} has, read at each scrape. */
    static <T> void gaugeConnections(MeterRegistry registry, T holder, ToDoubleFunction<T> count) {
        Gauge.builder(CONNECTIONS, holder, count).description("Live (WebSocket) connections this node holds")
                .strongReference(true).register(registry);
    }

    private static Map<String, Counter> counters(MeterRegistry registry, String name, String description, List<String> types) {
        Map<String, Counter> byType = new HashMap<>();
        for (String type : types) {
            byType.put(type, Counter.builder(name).description(description).tag("type", type).register(registry));
        }
        return Map.copyOf(byType);
    }

    /** The counter of a received frame of {@code type} ({@link #UNREADABLE} or {@link #BINARY} for frames that have none). */
    Counter in(String type) {
        return in.getOrDefault(type, unknownIn);
    }

    /** The counter of a sent frame of {@code type}. */
    Counter out(String type) {
        return out.getOrDefault(type, unknownOut);
    }

    Counter out(LiveEvent event) {
        return out(LiveFrames.typeOf(event));
    }

    void delivered(int connections) {
        if (connections > 0) {
            deliveries.increment(connections);
        }
    }
}
