package kr.co.stupy.adapter.web.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.adapter.web.support.Paging;
import kr.co.stupy.application.chat.port.in.ChatHistoryQuery;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.port.in.DisconnectLiveUseCase;
import kr.co.stupy.application.live.port.in.ChangeStudyStatusUseCase;
import kr.co.stupy.application.live.port.in.FrameError;
import kr.co.stupy.application.live.port.in.IssueLiveTicketUseCase;
import kr.co.stupy.application.live.port.in.KeepAliveUseCase;
import kr.co.stupy.application.live.port.in.RelaySignalUseCase;
import kr.co.stupy.application.live.port.in.SendChatUseCase;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.studytime.port.in.LeaderboardQuery;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.studytime.StudyPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/rooms/{roomId}} and the HTTP routes around it: live tickets, chat history, leaderboard.
 * This node beats for each connection it holds, so study time keeps counting while a quiet client
 * stays connected, and stops within one interval of the node's death.
 */
public final class LiveRoutes implements RouteGroup, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRoutes.class);
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final String CONNECTION = "stupy.connectionId";
    /** How often the beats of pinging connections are written, all in one batch. */
    static final long PING_FLUSH_MILLIS = 250;
    /**
     * Sessions ended at the same time, at most: enough that the database's group commit still
     * batches their writes (300 closes end in seconds), few enough to leave room for requests.
     */
    static final int CLOSING_WORKERS = 8;
    /** How long a stopping node waits for the sessions of connections closed just before to end. */
    private static final long CLOSING_DRAIN_SECONDS = 10;

    /** The in-ports live rooms are driven through, by name. */
    public record UseCases(IssueLiveTicketUseCase tickets, ConnectLiveUseCase connect, SendChatUseCase chat, RelaySignalUseCase signals,
                           ChangeStudyStatusUseCase status, KeepAliveUseCase keepAlive, DisconnectLiveUseCase disconnect,
                           LeaderboardQuery leaderboards, ChatHistoryQuery history) {
    }

    private final IssueLiveTicketUseCase tickets;
    private final ConnectLiveUseCase connect;
    private final KeepAliveUseCase keepAlive;
    private final DisconnectLiveUseCase disconnect;
    private final LeaderboardQuery leaderboards;
    private final ChatHistoryQuery history;
    private final LiveFrameHandler frames;
    private final LiveRoomViews views;
    private final LiveSockets sockets;
    private final ObjectMapper mapper;
    private final ZoneId defaultZone;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("live-heartbeat").factory());
    /**
     * Ends the sessions of closed connections. Each end writes the ledger, the roll-ups and a chat
     * notice and fans out peer-left and a leaderboard; done on the closing connection's own thread,
     * hundreds closing at once (a network blip, a proxy restart) ran all of that at the same time
     * and starved request handling for seconds. A few workers take them in turn instead; the queue
     * holds only connection ids, one per connection this node held, so the connection cap bounds it.
     */
    private final ExecutorService closings = Executors.newFixedThreadPool(CLOSING_WORKERS,
            Thread.ofPlatform().daemon().name("live-closing-", 0).factory());

    public LiveRoutes(UseCases useCases, LiveRoomViews views, LiveSockets sockets, ObjectMapper mapper, ZoneId defaultZone,
                      long heartbeatSeconds) {
        this.tickets = useCases.tickets();
        this.connect = useCases.connect();
        this.keepAlive = useCases.keepAlive();
        this.disconnect = useCases.disconnect();
        this.leaderboards = useCases.leaderboards();
        this.history = useCases.history();
        this.frames = new LiveFrameHandler(useCases.chat(), useCases.signals(), useCases.status(), useCases.keepAlive(), sockets);
        this.views = views;
        this.sockets = sockets;
        this.mapper = mapper;
        this.defaultZone = defaultZone;
        beats.scheduleAtFixedRate(this::beatAll, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
        beats.scheduleWithFixedDelay(this::flushPings, PING_FLUSH_MILLIS, PING_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/rooms/{roomId}/live-ticket", this::issueTicket);
        routes.get("/api/rooms/{roomId}/messages", this::messages);
        routes.get("/api/rooms/{roomId}/leaderboard", this::leaderboard);
        routes.ws("/ws/rooms/{roomId}", ws -> {
            ws.onConnect(this::onConnect);
            ws.onMessage(this::onMessage);
            ws.onBinaryMessage(this::onBinaryMessage);
            ws.onClose(this::onClose);
            ws.onError(ctx -> LOG.debug("live connection error", ctx.error()));
        });
    }

    private void issueTicket(Context ctx) {
        LiveTickets.Ticket ticket = tickets.issueTicket(new IssueLiveTicketUseCase.IssueLiveTicket(Authenticated.userId(ctx),
                roomId(ctx.pathParam("roomId"))));
        ctx.json(Map.of("ticket", ticket.value(), "expiresAt", ticket.expiresAt()));
    }

    private void messages(Context ctx) {
        String before = ctx.queryParam("before");
        PageRequest paging = Paging.request(ctx);
        PageRequest page = new PageRequest(paging.limit(), Optional.ofNullable(before).or(paging::cursor));
        var found = history.history(Authenticated.userId(ctx), roomId(ctx.pathParam("roomId")), page);
        ctx.json(new Paging.PageResponse<>(found.items().stream().map(LiveFrames.Message::of).toList(), found.nextCursor().orElse(null)));
    }

    private void leaderboard(Context ctx) {
        String rawPeriod = ctx.queryParam("period");
        StudyPeriod period = rawPeriod == null ? StudyPeriod.DAY : StudyPeriod.parse(rawPeriod)
                .orElseThrow(() -> InvalidInputException.of("period", "must be day, week, month or all"));
        ZoneId zone = zone(ctx.queryParam("tz"));
        var entries = leaderboards.leaderboard(Authenticated.userId(ctx), roomId(ctx.pathParam("roomId")), period, zone);
        ctx.json(Map.of("items", entries.stream().map(LiveFrames.Entry::of).toList()));
    }

    private void onConnect(WsConnectContext ctx) {
        ctx.session.setMaxTextMessageSize(MAX_FRAME_BYTES);
        ctx.session.setMaxBinaryMessageSize(MAX_FRAME_BYTES);
        Optional<RoomId> room = RoomId.parse(ctx.pathParam("roomId"));
        String ticket = ctx.queryParam("ticket");
        if (room.isEmpty() || ticket == null) {
            ctx.closeSession(CloseCodes.BAD_TICKET, CloseCodes.reason(CloseCodes.BAD_TICKET));
            return;
        }
        ConnectionId id = ConnectionId.newId();
        ctx.attribute(CONNECTION, id);
        sockets.hold(id, ctx);
        ConnectLiveUseCase.Outcome outcome;
        try {
            outcome = connect.connect(new ConnectLiveUseCase.ConnectLive(ticket, id, room.get()));
        } catch (RuntimeException e) {
            LOG.error("a live connection failed to start", e);
            sockets.release(id);
            try {
                disconnect.disconnect(id);   // it may have been admitted before the failure
            } catch (RuntimeException again) {
                LOG.warn("a failed live connection could not be removed from presence: {}", again.toString());
            }
            ctx.closeSession(CloseCodes.SERVER_ERROR, "server error");
            return;
        }
        switch (outcome) {
            case ConnectLiveUseCase.Refused refused -> {
                sockets.release(id);
                int code = CloseCodes.of(refused.refusal());
                ctx.closeSession(code, CloseCodes.reason(code));
            }
            case ConnectLiveUseCase.Welcome welcome -> {
                var shown = views.forMember(welcome.roomId(), welcome.userId())
                        .orElse(new LiveRoomViews.Views(Map.of("id", welcome.roomId().value()), Map.of("userId", welcome.userId().value())));
                ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
                sockets.welcome(id, LiveFrames.welcome(welcome, shown));
            }
        }
    }

    private void onMessage(WsMessageContext ctx) {
        ConnectionId id = ctx.attribute(CONNECTION);
        if (id == null) {
            return;
        }
        ClientFrame frame;
        try {
            frame = ClientFrame.read(mapper.getFactory(), ctx.message());
        } catch (ClientFrame.Unreadable e) {
            sockets.traffic().in(LiveTraffic.UNREADABLE).increment();
            sockets.sendTo(id, LiveFrames.error("INVALID_FRAME", "a frame is a JSON object with a type", Optional.empty()));
            return;
        }
        sockets.traffic().in(frame.type()).increment();
        Optional<FrameError> error;
        try {
            error = frames.handle(id, frame);
        } catch (RuntimeException e) {
            // A shared store or bus that is away (Redis restarting) must not cost the client its connection.
            LOG.warn("a live frame could not be handled: {}", e.toString());
            error = Optional.of(new FrameError(FrameError.Problem.UNAVAILABLE, "the server could not handle this frame now; try again shortly"));
        }
        error.ifPresent(e -> sockets.sendTo(id, LiveFrames.error(e.problem().name(), e.message(), Optional.of(frame.type()))));
    }

    /** Every frame of the contract is JSON text; a binary one is a bad frame like any other, and the connection stays. */
    private void onBinaryMessage(WsBinaryMessageContext ctx) {
        ConnectionId id = ctx.attribute(CONNECTION);
        if (id != null) {
            sockets.traffic().in(LiveTraffic.BINARY).increment();
            sockets.sendTo(id, LiveFrames.error("INVALID_FRAME", "frames are JSON text; a binary frame is not understood", Optional.empty()));
        }
    }


    private void onClose(WsCloseContext ctx) {
        ConnectionId id = ctx.attribute(CONNECTION);
        // Not held any more: refused at connect, or already ended when this node began stopping.
        if (id != null && sockets.release(id)) {
            try {
                closings.execute(() -> endSession(id));
            } catch (RejectedExecutionException stopping) {
                endSession(id);   // the node is stopping and drains on its own thread
            }
        }
    }

    private void endSession(ConnectionId id) {
        try {
            disconnect.disconnect(id);
        } catch (RuntimeException e) {
            // The shared presence is away or the node is stopping: the reaper ends the session at its last heartbeat.
            LOG.warn("a closed live connection could not be removed from presence: {}", e.toString());
        }
    }

    private void beatAll() {
        try {
            keepAlive.heartbeatAll();
        } catch (RuntimeException e) {
            LOG.warn("the heartbeat of this node's live connections failed: {}", e.toString());
        }
    }

    private void flushPings() {
        try {
            keepAlive.flushPings();
        } catch (RuntimeException e) {
            LOG.warn("the beats of pinging live connections could not be written: {}", e.toString());
        }
    }



    private ZoneId zone(String raw) {
        if (raw == null || raw.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw InvalidInputException.of("tz", "must be a time zone id such as Asia/Seoul");
        }
    }

    private static RoomId roomId(String raw) {
        return RoomId.parse(raw).orElseThrow(RoomErrors::notFound);
    }

    /**
     * The node is stopping: each connection it holds leaves presence now (its session ends, its room
     * hears {@code peer-left} at once instead of after the reaper's 45 s) and is closed with 1001.
     * Close this before the web server and the stores it needs.
     */
    @Override
    public void close() {
        beats.shutdownNow();
        closings.shutdown();
        try {
            if (!closings.awaitTermination(CLOSING_DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("some closed live connections were not ended while stopping; the reaper ends them at their last heartbeat");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ConnectionId id : sockets.held()) {
            try {
                disconnect.disconnect(id);
            } catch (RuntimeException e) {
                LOG.warn("a live connection could not be ended while stopping: {}", e.toString());
            }
            sockets.goingAway(id);
        }
    }
}
