package kr.co.stupy.adapter.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.out.LocalConnections;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket connections this node holds. Events for a connection that has not had its
 * {@code welcome} yet wait in order, so a newcomer never hears of anything before it is welcomed.
 */
public final class LiveSockets implements LocalConnections {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSockets.class);
    /**
     * What one connection may have waiting to be written: a reader that falls this far behind is
     * closed with {@link CloseCodes#TOO_SLOW}, so a peer that stops reading never makes the heap hold what
     * others send it. A welcome of a full room is a few KiB, so a reader keeping up never gets near.
     */
    public static final long MAX_QUEUED_CHARS = 1024 * 1024;
    public static final int MAX_QUEUED_FRAMES = 1_000;
    /** The close code of a reader that fell behind: try again later (RFC 6455 registry). */
    private static final Duration GIVE_UP_ON_SLOW_READER = Duration.ofSeconds(5);
    private static final ScheduledExecutorService GIVING_UP = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("live-slow-readers").factory());

    private final ObjectMapper mapper;
    private final LiveTraffic traffic;
    private final Map<ConnectionId, Socket> sockets = new ConcurrentHashMap<>();

    /** Sockets whose traffic is counted nowhere (a registry without backends records nothing). */
    public LiveSockets(ObjectMapper mapper) {
        this(mapper, new CompositeMeterRegistry());
    }

    /** Sockets that count their frames, deliveries and connections in {@code registry}. */
    public LiveSockets(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.traffic = new LiveTraffic(registry);
        LiveTraffic.gaugeConnections(registry, sockets, Map::size);
    }

    /** A frame waiting for the welcome, with the counter of its type, told once it is written. */
    private record Waiting(String text, Counter type) {
    }

    private static final class Socket {
        final WsContext ctx;
        /** Encoded frames waiting for the welcome. */
        final List<Waiting> pending = new ArrayList<>();
        int pendingClose;
        boolean welcomed;
        boolean closed;
        /** Sent but not yet written to the network, in characters of JSON text and in frames. */
        long queuedChars;
        int queuedFrames;

        Socket(WsContext ctx) {
            this.ctx = ctx;
        }
    }

    void hold(ConnectionId id, WsContext ctx) {
        sockets.put(id, new Socket(ctx));
    }

    /** Sends the welcome, then whatever arrived meanwhile. */
    void welcome(ConnectionId id, Map<String, Object> welcome) {
        Socket socket = sockets.get(id);
        if (socket == null) {
            return;
        }
        synchronized (socket) {
            send(socket, encode(welcome), traffic.out("welcome"));
            socket.welcomed = true;
            socket.pending.forEach(frame -> send(socket, frame.text(), frame.type()));
            socket.pending.clear();
            if (socket.pendingClose != 0) {
                close(socket, socket.pendingClose);
            }
        }
    }

    void sendTo(ConnectionId id, Map<String, Object> frame) {
        sendText(id, encode(frame), traffic.out(String.valueOf(frame.get("type"))));
    }

    void pong(ConnectionId id) {
        sendText(id, LiveFrames.PONG, traffic.out("pong"));
    }

    /** The counters of what this node's connections send. */
    LiveTraffic traffic() {
        return traffic;
    }

    /** Sends a frame already written as JSON text. */
    private void sendText(ConnectionId id, String text, Counter type) {
        Socket socket = sockets.get(id);
        if (socket != null) {
            synchronized (socket) {
                send(socket, text, type);
            }
        }
    }

    /** Forgets the connection; false when this node no longer held it. */
    boolean release(ConnectionId id) {
        return sockets.remove(id) != null;
    }

    /** The node is stopping: forgets the connection and closes it with 1001, so the client reconnects elsewhere. */
    void goingAway(ConnectionId id) {
        Socket socket = sockets.remove(id);
        if (socket != null) {
            synchronized (socket) {
                close(socket, CloseCodes.GOING_AWAY);
            }
        }
    }

    List<ConnectionId> held() {
        return List.copyOf(sockets.keySet());
    }

    @Override
    public boolean deliver(ConnectionId connectionId, LiveEvent event) {
        return !deliver(List.of(connectionId), event).isEmpty();
    }

    /** The event is encoded once, however many of the connections are here: every recipient gets the same text. */
    @Override
    public List<ConnectionId> deliver(List<ConnectionId> connectionIds, LiveEvent event) {
        List<ConnectionId> delivered = new ArrayList<>(connectionIds.size());
        String text = null;
        Counter type = null;
        for (ConnectionId id : connectionIds) {
            Socket socket = sockets.get(id);
            if (socket == null) {
                continue;
            }
            if (text == null) {
                text = LiveFrames.text(event, this::encode);
                type = traffic.out(event);
            }
            deliver(socket, text, type, CloseCodes.after(event));
            delivered.add(id);
        }
        traffic.delivered(delivered.size());
        return delivered;
    }

    private static void deliver(Socket socket, String text, Counter type, int closeCode) {
        synchronized (socket) {
            if (!socket.welcomed) {
                socket.pending.add(new Waiting(text, type));
                if (closeCode != 0) {
                    socket.pendingClose = closeCode;
                }
                return;
            }
            send(socket, text, type);
            if (closeCode != 0) {
                close(socket, closeCode);
            }
        }
    }

    private String encode(Map<String, Object> frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Called holding the socket's lock; the write callbacks take it too, on whatever thread finishes the write.
     * {@code type} counts the frame once it is handed to the connection (not for a closed or too slow one).
     */
    private static void send(Socket socket, String text, Counter type) {
        if (socket.closed) {
            return;
        }
        int chars = text.length();
        if (socket.queuedChars + chars > MAX_QUEUED_CHARS || socket.queuedFrames + 1 > MAX_QUEUED_FRAMES) {
            LOG.info("closing a live connection that reads too slowly: {} frames ({} chars) still unwritten",
                    socket.queuedFrames, socket.queuedChars);
            close(socket, CloseCodes.TOO_SLOW);
            // A peer that does not read will not answer the close either: drop it soon, so its session
            // ends (and its room hears peer-left) in seconds rather than at the idle timeout.
            var session = socket.ctx.session;
            GIVING_UP.schedule(session::disconnect, GIVE_UP_ON_SLOW_READER.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        socket.queuedChars += chars;
        socket.queuedFrames++;
        type.increment();
        try {
            socket.ctx.session.sendText(text, Callback.from(() -> written(socket, chars), failed -> written(socket, chars)));
        } catch (RuntimeException e) {
            // The peer went away mid-send; its close handler cleans up.
            written(socket, chars);
            LOG.debug("could not send to a live connection", e);
        }
    }

    private static void written(Socket socket, int chars) {
        synchronized (socket) {
            socket.queuedChars -= chars;
            socket.queuedFrames--;
        }
    }

    private static void close(Socket socket, int code) {
        if (!socket.closed) {
            socket.closed = true;
            socket.ctx.closeSession(code, CloseCodes.reason(code));
        }
    }

}
