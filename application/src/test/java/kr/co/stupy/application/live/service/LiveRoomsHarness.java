package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.chat.service.ChatService;
import kr.co.stupy.application.integration.PresenceRunningSessions;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase.ConnectLive;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.port.in.FrameError;
import kr.co.stupy.application.live.port.in.IssueLiveTicketUseCase.IssueLiveTicket;
import kr.co.stupy.application.live.port.in.RelaySignalUseCase.RelaySignal;
import kr.co.stupy.application.live.port.in.SendChatUseCase.SendChat;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.live.port.out.LocalConnections;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.application.studytime.port.out.RoomStudyTotals;
import kr.co.stupy.application.studytime.service.LeaderboardService;
import kr.co.stupy.application.studytime.service.StudySessionService;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;

/**
 * One node's live rooms with the chat and study-time contexts they talk to, wired as bootstrap wires
 * them (through their in-ports and the integration classes) over the ports a test gives. Its methods
 * take the values a client sends and build the in-ports' commands, so tests read like the frames.
 */
public final class LiveRoomsHarness {

    private final LiveServices live;
    private final ChatService chat;
    private final LeaderboardService leaderboards;

    public LiveRoomsHarness(RoomRosterQuery rooms, LiveTickets tickets, LivePresence presence, RoomBroadcaster broadcaster,
                            ChatLog chat, StudyLedger ledger, RoomStudyTotals totals, StudyRollups rollups, Users users,
                            StudyDayPolicy policy, Clock clock, String nodeId) {
        this(rooms, tickets, presence, broadcaster, chat, ledger, totals, rollups, users, policy, clock, nodeId,
                new InProcessRateLimits(clock), Budgets.defaults());
    }

    public LiveRoomsHarness(RoomRosterQuery rooms, LiveTickets tickets, LivePresence presence, RoomBroadcaster broadcaster,
                            ChatLog chatLog, StudyLedger ledger, RoomStudyTotals totals, StudyRollups rollups, Users users,
                            StudyDayPolicy policy, Clock clock, String nodeId, RateLimits userLimits, Budgets budgets) {
        this(rooms, tickets, presence, broadcaster, chatLog, ledger, totals, rollups, users, policy, clock, nodeId, userLimits, budgets,
                roomIds -> java.util.Map.of(), (connectionId, event) -> true);
    }

    /** {@code pomodoros}: the rooms' stored pomodoros; {@code local}: where this node's pomodoro clock tells its connections. */
    public LiveRoomsHarness(RoomRosterQuery rooms, LiveTickets tickets, LivePresence presence, RoomBroadcaster broadcaster,
                            ChatLog chatLog, StudyLedger ledger, RoomStudyTotals totals, StudyRollups rollups, Users users,
                            StudyDayPolicy policy, Clock clock, String nodeId, RateLimits userLimits, Budgets budgets,
                            kr.co.stupy.application.live.port.out.RoomPomodoroSource pomodoros,
                            kr.co.stupy.application.live.port.out.LocalConnections local) {
        var running = new PresenceRunningSessions(new LivePresenceService(presence));
        this.chat = new ChatService(chatLog, users, rooms, userLimits, budgets.of(Budgets.CHAT_PER_USER), clock);
        this.leaderboards = new LeaderboardService(ledger, rollups.memberTotals(), rollups.memberQuarters(), running, users, rooms, policy,
                clock);
        var sessions = new StudySessionService(ledger, totals, rollups, running, policy, clock);
        this.live = LiveServices.create(new LiveServices.Dependencies(rooms, tickets, presence, broadcaster, chat, chat, chat,
                sessions, leaderboards, users, userLimits, budgets, clock, nodeId, pomodoros, local));
    }

    public LiveServices services() {
        return live;
    }

    public LeaderboardService leaderboards() {
        return leaderboards;
    }

    public LiveTickets.Ticket issueTicket(UserId userId, RoomId roomId) {
        return live.admission().issueTicket(new IssueLiveTicket(userId, roomId));
    }

    /** A member opens a live connection to the room with a fresh ticket; fails the test unless welcomed. */
    public ConnectLiveUseCase.Welcome join(UserId userId, RoomId roomId) {
        String ticket = issueTicket(userId, roomId).value();
        return org.junit.jupiter.api.Assertions.assertInstanceOf(ConnectLiveUseCase.Welcome.class, connect(ticket, ConnectionId.newId(), roomId));
    }

    /** A dev-login user named {@code name}, registered at {@code at}. */
    public static UserId register(kr.co.stupy.identity.testing.InMemoryUsers users, String name, java.time.Instant at) {
        return users.registerIfAbsent(kr.co.stupy.identity.User.register(new kr.co.stupy.identity.LinkedAccount(kr.co.stupy.identity.Provider.DEV, name),
                new kr.co.stupy.identity.Nickname(name), Optional.empty(), Optional.empty(), at)).user().id();
    }

    public ConnectLiveUseCase.Outcome connect(String ticket, ConnectionId connectionId, RoomId roomId) {
        return live.admission().connect(new ConnectLive(ticket, connectionId, roomId));
    }

    public Optional<FrameError> chat(ConnectionId from, String clientMsgId, String text) {
        return live.messaging().chat(SendChat.of(from, clientMsgId, text));
    }

    public Optional<FrameError> signal(ConnectionId from, String to, String kind, SignalPayload payload) {
        return live.messaging().signal(new RelaySignal(from, to, kind, payload));
    }

    /** {@code subject}: {@code null} keeps it, empty clears it. */
    public Optional<FrameError> status(ConnectionId from, String status, Optional<String> subject) {
        return live.status().changeStatus(kr.co.stupy.application.live.port.in.ChangeStudyStatusUseCase.ChangeStatus.of(from, status,
                subject == null, subject == null ? Optional.empty() : subject));
    }

    public int heartbeatAll() {
        return live.keepAlive().heartbeatAll();
    }

    public CompletableFuture<Void> pinged(ConnectionId connectionId) {
        return live.keepAlive().pinged(connectionId);
    }

    public int flushPings() {
        return live.keepAlive().flushPings();
    }

    public void disconnect(ConnectionId connectionId) {
        live.departures().disconnect(connectionId);
    }

    public void memberRemoved(RoomId roomId, UserId userId) {
        live.departures().memberRemoved(roomId, userId);
    }

    public void memberLeft(RoomId roomId, UserId userId) {
        live.departures().memberLeft(roomId, userId);
    }

    public void roomClosed(RoomId roomId) {
        live.departures().roomClosed(roomId);
    }

    public int reap() {
        return live.departures().reap();
    }

    public int closeSessionsOfAPreviousRun() {
        return live.departures().closeSessionsOfAPreviousRun();
    }

    public DeliverLiveEventUseCase delivery(LocalConnections connections, Duration settle) {
        return live.delivery(connections, settle);
    }

    public List<LeaderboardEntry> leaderboard(UserId asker, RoomId roomId, StudyPeriod period, ZoneId zone) {
        return leaderboards.leaderboard(asker, roomId, period, zone);
    }

    public Page<RoomMessage> history(UserId asker, RoomId roomId, PageRequest page) {
        return chat.history(asker, roomId, page);
    }
}
