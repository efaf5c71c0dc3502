package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LeaderboardEntry;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LiveMessage;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.port.in.IssueLiveTicketUseCase;
import kr.co.stupy.application.live.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.live.port.in.LiveSessionUseCase;
import kr.co.stupy.application.live.port.in.RoomLiveEvents;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.live.port.out.RoomMembers;
import kr.co.stupy.application.live.port.out.RoomStudyTotals;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudyRules;
import kr.co.stupy.studytime.StudySession;

/**
 * Live rooms: a connection is admitted through presence (the shared truth), recorded as a study
 * session before anyone hears of it, and announced through the broadcaster, which reaches every
 * node. Leaving, being replaced, kicked or closed all end the session the same way, once.
 */
public final class LiveRoomService implements IssueLiveTicketUseCase, ConnectLiveUseCase, LiveSessionUseCase, RoomLiveEvents {

    private static final System.Logger LOG = System.getLogger(LiveRoomService.class.getName());
    static final int RECENT_MESSAGES = 50;
    /** A connection or session that has not beaten for this long belongs to a node that died. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(45);
    private static final Set<String> SIGNAL_KINDS = Set.of("offer", "answer", "candidate");

    private final RoomMembers rooms;
    private final LiveTickets tickets;
    private final LivePresence presence;
    private final RoomBroadcaster broadcaster;
    private final ChatLog chat;
    private final StudyLedger ledger;
    private final RoomStudyTotals totals;
    private final StudyRollups rollups;
    private final StudyDayPolicy policy;
    private final Users users;
    private final Clock clock;
    private final String nodeId;
    private final Leaderboards leaderboards;
    private final ZoneId defaultZone;
    /** Budgets of a user, shared by every node (chat, tickets): reconnecting or spreading over nodes gains nothing. */
    private final RateLimits userLimits;
    /** Budgets of one connection (signals, pings): a connection lives on one node, so they stay in this process. */
    private final RateLimits connectionLimits;
    private final Budget chatPerUser;
    private final Budget ticketPerUser;
    private final Budget signalPerConnection;
    private final Budget pingPerConnection;
    /** The connections this node admitted and still holds, so it can put them back if a shared presence forgets them. */
    private final Map<ConnectionId, LiveConnection> heldHere = new ConcurrentHashMap<>();
    /** What each of those connections has been told, to make up for what a broken bus lost. */
    private final ClientViews views = new ClientViews();
    private final ConnectionBeats beats;
    /** The nicknames put on chat from this node's connections, so a message costs no user look-up. */
    private final AuthorNames authors;

    public LiveRoomService(RoomMembers rooms, LiveTickets tickets, LivePresence presence, RoomBroadcaster broadcaster,
                           ChatLog chat, StudyLedger ledger, RoomStudyTotals totals, StudyRollups rollups, Users users, StudyDayPolicy policy,
                           Clock clock, String nodeId) {
        this(rooms, tickets, presence, broadcaster, chat, ledger, totals, rollups, users, policy, clock, nodeId,
                new InProcessRateLimits(clock), Budgets.defaults());
    }

    /** {@code userLimits}: where per-user budgets are kept (shared by every node when there are many). */
    public LiveRoomService(RoomMembers rooms, LiveTickets tickets, LivePresence presence, RoomBroadcaster broadcaster,
                           ChatLog chat, StudyLedger ledger, RoomStudyTotals totals, StudyRollups rollups, Users users, StudyDayPolicy policy,
                           Clock clock, String nodeId, RateLimits userLimits, Budgets budgets) {
        this.userLimits = userLimits;
        this.connectionLimits = new InProcessRateLimits(clock);
        this.chatPerUser = budgets.of(Budgets.CHAT_PER_USER);
        this.ticketPerUser = budgets.of(Budgets.TICKET_PER_USER);
        this.signalPerConnection = budgets.of(Budgets.SIGNAL_PER_CONNECTION);
        this.pingPerConnection = budgets.of(Budgets.PING_PER_CONNECTION);
        this.rooms = rooms;
        this.tickets = tickets;
        this.presence = presence;
        this.broadcaster = broadcaster;
        this.chat = chat;
        this.ledger = ledger;
        this.totals = totals;
        this.rollups = rollups;
        this.policy = policy;
        this.users = users;
        this.clock = clock;
        this.nodeId = nodeId;
        this.defaultZone = policy.zone();
        this.leaderboards = new Leaderboards(ledger, rollups.memberTotals(), rollups.memberQuarters(), presence, users, policy, clock);
        this.authors = new AuthorNames(users, clock);
        this.beats = new ConnectionBeats(heldHere, presence, ledger, clock);
    }

    RoomMembers rooms() {
        return rooms;
    }

    ChatLog chat() {
        return chat;
    }

    Users users() {
        return users;
    }

    Leaderboards leaderboards() {
        return leaderboards;
    }

    ClientViews views() {
        return views;
    }

    @Override
    public LiveTickets.Ticket issueTicket(UserId userId, RoomId roomId) {
        RoomMembers.Roster roster = rooms.rosterOf(roomId).orElseThrow(RoomErrors::notFound);
        if (roster.banned().contains(userId)) {
            throw LiveErrors.banned();
        }
        if (!roster.members().contains(userId)) {
            throw LiveErrors.notMember();
        }
        userLimits.require(ticketPerUser, userId.value(), "live tickets");
        return tickets.issue(userId, roomId, clock.instant());
    }

    @Override
    public Outcome connect(String ticket, ConnectionId connectionId, RoomId requestedRoom) {
        Instant now = clock.instant();
        Optional<LiveTickets.Ticket> redeemed = tickets.redeem(ticket, now);
        if (redeemed.isEmpty() || !redeemed.get().roomId().equals(requestedRoom)) {
            return new Refused(4401, "the ticket is unknown, used, expired or for another room");
        }
        UserId userId = redeemed.get().userId();
        Optional<List<UserId>> members = rooms.membersOf(requestedRoom);
        // A banned user is never a member, so membership alone decides.
        if (members.isEmpty() || !members.get().contains(userId)) {
            return new Refused(4403, "you are no longer a member of this room");
        }
        StudySession session = StudySession.start(userId, requestedRoom, now);
        LiveConnection connection = new LiveConnection(connectionId, userId, requestedRoom, nodeId, session.startedAt(), session.id());
        if (!(presence.admit(connection) instanceof LivePresence.Admission.Admitted admitted)) {
            return new Refused(4429, "four people are already live in this room");
        }
        try {
            ledger.begin(session);
        } catch (RuntimeException e) {
            presence.remove(connectionId);
            throw e;
        }
        heldHere.put(connectionId, connection);
        beats.admitted(connectionId, now);
        User user = users.byId(userId).orElse(null);
        authors.remember(userId, user);
        admitted.replaced().ifPresent(old -> {
            broadcaster.toConnection(old.connectionId(), new LiveEvent.Replaced());
            ended(old, "님이 다른 곳에서 접속해 나갔습니다");
        });

        LivePeer me = peer(connection, user);
        for (LiveConnection other : admitted.others()) {
            broadcaster.toConnection(other.connectionId(), new LiveEvent.PeerJoined(me));
        }
        // The newcomer reads this notice in its welcome's recent messages; the others get it now.
        LiveEvent joined = new LiveEvent.ChatPosted(LiveMessages.named(List.of(appendNotice(requestedRoom, userId,
                LiveMessages.nickname(user) + " 님이 들어왔습니다")), users).getFirst());
        admitted.others().forEach(other -> broadcaster.toConnection(other.connectionId(), joined));
        List<LeaderboardEntry> board = leaderboards.of(requestedRoom, members.get(), StudyPeriod.DAY, defaultZone);
        for (LiveConnection other : admitted.others()) {
            broadcaster.toConnection(other.connectionId(), new LiveEvent.StudyUpdate(board));
        }
        Map<UserId, User> peers = users.byIds(admitted.others().stream().map(LiveConnection::userId).toList());
        List<LivePeer> others = admitted.others().stream().map(c -> peer(c, peers.get(c.userId()))).toList();
        List<LiveMessage> recent = LiveMessages.named(chat.history(requestedRoom, Optional.empty(), RECENT_MESSAGES), users);
        views.welcomed(connectionId, others, recent);
        return new Welcome(connectionId, requestedRoom, userId, others, recent, board);
    }

    @Override
    public Optional<FrameError> chat(ConnectionId from, String clientMsgId, String text) {
        // The node that holds a connection is the one its frames arrive at: no presence read to know the sender.
        LiveConnection sender = heldHere.get(from);
        if (sender == null) {
            return Optional.of(new FrameError("NOT_LIVE", "this connection is no longer live"));
        }
        ChatMessage message;
        try {
            message = ChatMessage.byMember(sender.roomId(), sender.userId(), new MessageText(text),
                    new ClientMessageId(clientMsgId), clock.instant());
        } catch (InvalidInputException e) {
            return Optional.of(new FrameError("INVALID_FRAME", e.getMessage()));
        }
        if (!userLimits.take(chatPerUser, sender.userId().value()).allowed()) {
            return Optional.of(new FrameError("RATE_LIMITED", "more than " + chatPerUser.capacity() + " messages in "
                    + chatPerUser.period().toSeconds() + " seconds; wait a moment"));
        }
        ChatLog.Appended appended = chat.append(message);
        LiveEvent.ChatPosted posted = new LiveEvent.ChatPosted(new LiveMessage(appended.message(), authors.nicknameOf(sender.userId())));
        if (appended.created()) {
            broadcaster.toRoom(sender.roomId(), posted);
        } else {
            broadcaster.toConnection(from, posted);
        }
        return Optional.empty();
    }

    @Override
    public Optional<FrameError> signal(ConnectionId from, String to, String kind, SignalPayload payload) {
        LiveConnection sender = heldHere.get(from);
        if (sender == null) {
            return Optional.of(new FrameError("NOT_LIVE", "this connection is no longer live"));
        }
        if (!SIGNAL_KINDS.contains(kind)) {
            return Optional.of(new FrameError("INVALID_FRAME", "kind must be offer, answer or candidate"));
        }
        if (!connectionLimits.take(signalPerConnection, from.value()).allowed()) {
            return Optional.of(new FrameError("RATE_LIMITED", "more than " + signalPerConnection.capacity() + " signals in "
                    + signalPerConnection.period().toSeconds() + " seconds; slow down"));
        }
        // A peer on this node is known here; one on another node costs one presence read.
        Optional<LiveConnection> target = ConnectionId.parse(to)
                .flatMap(id -> Optional.ofNullable(heldHere.get(id)).or(() -> presence.get(id)))
                .filter(c -> c.roomId().equals(sender.roomId()) && !c.connectionId().equals(from));
        if (target.isEmpty()) {
            return Optional.of(new FrameError("UNKNOWN_PEER", "no such connection in this room"));
        }
        broadcaster.toConnection(target.get(), new LiveEvent.Signal(from, sender.userId(), kind, payload));
        return Optional.empty();
    }

    @Override
    public int heartbeatAll() {
        return beats.beatAll();
    }

    @Override
    public CompletableFuture<Void> pinged(ConnectionId connectionId) {
        RateLimits.Verdict verdict = connectionLimits.take(pingPerConnection, connectionId.value());
        if (!verdict.allowed()) {
            return CompletableFuture.failedFuture(RetryLaterException.rateLimited("more than " + pingPerConnection.capacity()
                    + " pings in " + pingPerConnection.period().toSeconds() + " seconds; the web app pings every 15 s", verdict.retryAfter()));
        }
        return beats.pinged(connectionId);
    }

    @Override
    public int flushPings() {
        return beats.flushPings();
    }

    @Override
    public void disconnect(ConnectionId connectionId) {
        beats.forget(connectionId);
        LiveConnection held = heldHere.remove(connectionId);
        if (held != null) {
            authors.forget(held.userId());
        }
        views.forget(connectionId);
        presence.remove(connectionId).ifPresent(gone -> ended(gone, "님이 나갔습니다"));
    }

    @Override
    public void memberRemoved(RoomId roomId, UserId userId) {
        endMembership(roomId, userId, new LiveEvent.Kicked(), "님이 방에서 내보내졌습니다");
    }

    @Override
    public void memberLeft(RoomId roomId, UserId userId) {
        endMembership(roomId, userId, new LiveEvent.Left(), "님이 방을 나갔습니다");
    }

    private void endMembership(RoomId roomId, UserId userId, LiveEvent farewell, String notice) {
        presence.ofUser(userId).filter(c -> c.roomId().equals(roomId))
                .flatMap(c -> presence.remove(c.connectionId()))
                .ifPresent(gone -> {
                    broadcaster.toConnection(gone.connectionId(), farewell);
                    ended(gone, notice);
                });
    }

    @Override
    public void roomClosed(RoomId roomId) {
        Instant now = clock.instant();
        for (LiveConnection connection : presence.inRoom(roomId)) {
            presence.remove(connection.connectionId()).ifPresent(gone -> {
                broadcaster.toConnection(gone.connectionId(), new LiveEvent.RoomClosed());
                // The room is gone: no total to add to; the user's day totals still grow, and the room's removal takes them back.
                ledger.end(gone.sessionId(), now).ifPresent(this::rollUp);
            });
        }
    }

    /**
     * Ends what a dead node left behind: live entries that stopped beating, and sessions still open
     * in the ledger, each closed at its last heartbeat so dead time never counts.
     */
    public int reap() {
        Instant cutoff = clock.instant().minus(STALE_AFTER);
        List<LiveConnection> stale = presence.staleSince(cutoff);
        int closed = 0;
        // A stale entry's session beat no later than the entry, so it is among these: closed and rolled up
        // before the member stops being live, so the board sent with the departure (read from the
        // roll-ups) already holds it, as it did when boards counted open sessions from the ledger.
        for (StudySession session : ledger.openWithHeartbeatBefore(cutoff)) {
            if (finish(session.id(), session.lastHeartbeatAt())) {
                closed++;
            }
        }
        for (LiveConnection gone : stale) {
            if (presence.remove(gone.connectionId()).isPresent()) {
                announceLeft(gone, "님의 연결이 끊겼습니다");
            }
        }
        return closed;
    }

    /**
     * At the start of a node whose presence is its own (no shared bus), every session still open in
     * the ledger was left by this node's previous life: all of them end at their last heartbeat now.
     */
    public int closeSessionsOfAPreviousRun() {
        int closed = 0;
        for (StudySession session : ledger.openWithHeartbeatBefore(clock.instant().plusSeconds(1))) {
            if (presence.ofUser(session.userId()).filter(c -> c.sessionId().equals(session.id())).isEmpty()
                    && finish(session.id(), session.lastHeartbeatAt())) {
                closed++;
            }
        }
        return closed;
    }

    /**
     * After the shared presence lost its memory (Redis restarted empty), puts back every connection
     * this node still holds, beating now so no reaper takes them for dead. Returns those that could
     * not be put back: their user went live elsewhere or their room filled meanwhile.
     */
    public List<LiveConnection> restoreHeldConnections() {
        Instant now = clock.instant();
        List<LiveConnection> lost = new ArrayList<>();
        for (LiveConnection connection : heldHere.values()) {
            if (presence.restore(connection, now)) {
                ledger.heartbeat(connection.sessionId(), now);
            } else if (heldHere.remove(connection.connectionId()) != null) {
                lost.add(connection);
            }
        }
        return lost;
    }

    /** An event owed to one connection this node holds. */
    public record Owed(ConnectionId to, LiveEvent event) {
    }

    /**
     * After this node's subscription to the shared bus broke and came back: what each connection it
     * holds missed meanwhile, from presence and the chat log against what the connection was told.
     * Peers that left, peers that came, messages it never got (oldest first), and the day's board.
     */
    public List<Owed> missedWhileTheBusWasAway() {
        Map<RoomId, RoomNow> rooms = new HashMap<>();
        List<Owed> owed = new ArrayList<>();
        for (LiveConnection held : heldHere.values()) {
            Optional<ClientViews.Snapshot> known = views.of(held.connectionId());
            if (known.isEmpty()) {
                continue;
            }
            RoomNow now = rooms.computeIfAbsent(held.roomId(), this::roomNow);
            ConnectionId to = held.connectionId();
            known.get().peers().forEach((peer, user) -> {
                if (!now.live().containsKey(peer)) {
                    owed.add(new Owed(to, new LiveEvent.PeerLeft(peer, user)));
                }
            });
            now.live().forEach((peer, livePeer) -> {
                if (!peer.equals(to) && !known.get().peers().containsKey(peer)) {
                    owed.add(new Owed(to, new LiveEvent.PeerJoined(livePeer)));
                }
            });
            now.recent().stream().filter(message -> !known.get().messageIds().contains(message.message().id()))
                    .forEach(message -> owed.add(new Owed(to, new LiveEvent.ChatPosted(message))));
            now.board().ifPresent(board -> owed.add(new Owed(to, new LiveEvent.StudyUpdate(board))));
        }
        return owed;
    }

    /** A room as it is now: who is live, its latest messages oldest first, the day's board. */
    private record RoomNow(Map<ConnectionId, LivePeer> live, List<LiveMessage> recent, Optional<List<LeaderboardEntry>> board) {
    }

    private RoomNow roomNow(RoomId roomId) {
        List<LiveConnection> live = presence.inRoom(roomId);
        Map<UserId, User> people = users.byIds(live.stream().map(LiveConnection::userId).toList());
        Map<ConnectionId, LivePeer> peers = new HashMap<>();
        live.forEach(c -> peers.put(c.connectionId(), peer(c, people.get(c.userId()))));
        List<LiveMessage> recent = LiveMessages.named(chat.history(roomId, Optional.empty(), RECENT_MESSAGES), users).reversed();
        Optional<List<LeaderboardEntry>> board = rooms.membersOf(roomId)
                .map(members -> leaderboards.of(roomId, members, StudyPeriod.DAY, defaultZone));
        return new RoomNow(peers, recent, board);
    }

    /** A connection that left presence: its session ends now, and the room hears of it. */
    private void ended(LiveConnection gone, String noticeSuffix) {
        finish(gone.sessionId(), clock.instant());
        announceLeft(gone, noticeSuffix);
    }

    /**
     * Ends a session; the one caller that really ended it adds its time to the room's total and to
     * the per-day roll-ups. Ending is the commit point: a crash right after it leaves the roll-ups
     * short by this session until a rebuild from the ledger ({@link RebuildRollupsUseCase}).
     */
    private boolean finish(String sessionId, Instant at) {
        Optional<StudySession> ended = ledger.end(sessionId, at);
        ended.map(s -> s.counted(at).toSeconds()).filter(seconds -> seconds > 0)
                .ifPresent(seconds -> totals.add(ended.get().roomId(), seconds));
        ended.ifPresent(this::rollUp);
        return ended.isPresent();
    }

    private void rollUp(StudySession finished) {
        SortedMap<LocalDate, Long> pieces = StudyRollups.piecesOf(finished, policy);
        if (pieces.isEmpty()) {
            return;
        }
        try {
            rollups.userDays().add(finished.userId(), pieces);
            rollups.roomPeriods().add(finished.roomId(), pieces);
            rollups.memberTotals().add(finished.userId(), finished.roomId(), pieces);
            QuarterHours quarters = QuarterHours.of(finished);
            rollups.userQuarters().add(finished.userId(), quarters);
            rollups.memberQuarters().add(finished.userId(), finished.roomId(), quarters);
        } catch (RuntimeException e) {
            // The session is ended and counted in the ledger; leaving a socket half-closed would help nobody.
            LOG.log(System.Logger.Level.WARNING, "rolling up study session " + finished.id() + " failed; a rebuild of the roll-ups repairs it", e);
        }
    }

    private void announceLeft(LiveConnection gone, String noticeSuffix) {
        broadcaster.toRoom(gone.roomId(), new LiveEvent.PeerLeft(gone.connectionId(), gone.userId()));
        notice(gone.roomId(), gone.userId(), LiveMessages.nickname(users.byId(gone.userId()).orElse(null)) + " " + noticeSuffix);
        rooms.membersOf(gone.roomId()).ifPresent(members -> broadcaster.toRoom(gone.roomId(),
                new LiveEvent.StudyUpdate(leaderboards.of(gone.roomId(), members, StudyPeriod.DAY, defaultZone))));
    }

    private void notice(RoomId roomId, UserId about, String text) {
        ChatMessage notice = appendNotice(roomId, about, text);
        broadcaster.toRoom(roomId, new LiveEvent.ChatPosted(LiveMessages.named(List.of(notice), users).getFirst()));
    }

    private ChatMessage appendNotice(RoomId roomId, UserId about, String text) {
        return chat.append(ChatMessage.notice(roomId, about, new MessageText(text), clock.instant())).message();
    }

    private static LivePeer peer(LiveConnection connection, User user) {
        return new LivePeer(connection.connectionId(), connection.userId(), LiveMessages.nickname(user),
                user == null ? Optional.empty() : user.profileImage(), connection.since());
    }

    /** How often this node proves its connections alive. */
    public static Duration heartbeatInterval() {
        return StudyRules.HEARTBEAT_INTERVAL;
    }
}
