package kr.co.stupy.application.live.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.port.in.RelaySignalUseCase;
import kr.co.stupy.application.live.port.in.SendChatUseCase;
import kr.co.stupy.application.live.port.out.LocalConnections;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.chat.testing.InMemoryChatLog;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import kr.co.stupy.studytime.testing.InMemoryStudyRollups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveServicesTest {

    /** Records every event each connection received. */
    static final class Inbox implements LocalConnections {
        final Map<ConnectionId, List<LiveEvent>> received = new HashMap<>();

        @Override
        public synchronized boolean deliver(ConnectionId connectionId, LiveEvent event) {
            received.computeIfAbsent(connectionId, id -> new ArrayList<>()).add(event);
            return true;
        }

        synchronized List<LiveEvent> of(ConnectionId id) {
            return List.copyOf(received.getOrDefault(id, List.of()));
        }

        synchronized <T extends LiveEvent> List<T> of(ConnectionId id, Class<T> type) {
            return of(id).stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z"));
    final FakeRooms rooms = new FakeRooms();
    final Inbox inbox = new Inbox();
    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryStudyLedger ledger = new InMemoryStudyLedger();
    final InMemoryChatLog chat = new InMemoryChatLog();
    final InProcessPresence presence = new InProcessPresence();
    final Map<RoomId, Long> totals = new HashMap<>();
    final StudyRollups rollups = InMemoryStudyRollups.create();
    LiveRoomsHarness live;
    LiveRoomsHarness queries;
    final RoomId room = RoomId.newId();
    UserId kim;
    UserId lee;

    @BeforeEach
    void setUp() {
        live = new LiveRoomsHarness(rooms, new InProcessTickets(), presence, new InProcessBroadcaster(presence, inbox), chat, ledger,
                (roomId, seconds) -> totals.merge(roomId, seconds, Long::sum), rollups, users, StudyDayPolicy.DEFAULT, clock, "node-a");
        queries = live;
        kim = user("kim");
        lee = user("lee");
        rooms.members.put(room, new ArrayList<>(List.of(kim, lee)));
    }

    /** Makes {@link #live} write its ledger through a ledger that counts the writes, and returns that ledger. */
    CountingLedger countingWrites() {
        var counting = new CountingLedger(ledger);
        live = new LiveRoomsHarness(rooms, new InProcessTickets(), presence, new InProcessBroadcaster(presence, inbox), chat, counting,
                (roomId, seconds) -> totals.merge(roomId, seconds, Long::sum), rollups, users, StudyDayPolicy.DEFAULT, clock, "node-a");
        return counting;
    }

    UserId user(String name) {
        return LiveRoomsHarness.register(users, name, clock.instant());
    }

    ConnectLiveUseCase.Welcome join(UserId user) {
        return live.join(user, room);
    }

    @Test
    void onlyMembersWhoAreNotBannedGetTickets() {
        assertEquals("NOT_MEMBER", assertThrows(DomainException.class, () -> live.issueTicket(user("outsider"), room)).code());
        rooms.bans.put(room, Set.of(lee));
        assertEquals("BANNED", assertThrows(DomainException.class, () -> live.issueTicket(lee, room)).code());
        assertEquals("ROOM_NOT_FOUND", assertThrows(DomainException.class, () -> live.issueTicket(kim, RoomId.newId())).code());
    }

    @Test
    void aTicketOpensOneConnectionToItsRoomOnly() {
        String ticket = live.issueTicket(kim, room).value();
        assertEquals(new ConnectLiveUseCase.Refused(ConnectLiveUseCase.Refusal.BAD_TICKET,
                        "the ticket is unknown, used, expired or for another room"),
                live.connect(ticket, ConnectionId.newId(), RoomId.newId()));
        assertEquals(ConnectLiveUseCase.Refusal.BAD_TICKET, ((ConnectLiveUseCase.Refused) live.connect(ticket, ConnectionId.newId(), room)).refusal(), "used up");
        assertEquals(ConnectLiveUseCase.Refusal.BAD_TICKET, ((ConnectLiveUseCase.Refused) live.connect("forged", ConnectionId.newId(), room)).refusal());

        String expiring = live.issueTicket(kim, room).value();
        clock.advance(Duration.ofSeconds(61));
        assertEquals(ConnectLiveUseCase.Refusal.BAD_TICKET, ((ConnectLiveUseCase.Refused) live.connect(expiring, ConnectionId.newId(), room)).refusal());
    }

    @Test
    void membershipIsCheckedAgainOnConnect() {
        String ticket = live.issueTicket(lee, room).value();
        rooms.members.get(room).remove(lee);
        assertEquals(ConnectLiveUseCase.Refusal.NOT_MEMBER, ((ConnectLiveUseCase.Refused) live.connect(ticket, ConnectionId.newId(), room)).refusal());
    }

    @Test
    void joiningWelcomesTheNewcomerAndTellsTheOthers() {
        var first = join(kim);
        clock.advance(Duration.ofSeconds(30));
        var second = join(lee);

        assertEquals(List.of(first.connectionId()), second.peers().stream().map(p -> p.connectionId()).toList());
        assertEquals("kim", second.peers().getFirst().nickname());
        assertTrue(second.recentMessages().stream().anyMatch(m -> m.message().system() && m.message().text().value().startsWith("lee")));
        assertEquals(List.of(lee), inbox.of(first.connectionId(), LiveEvent.PeerJoined.class).stream().map(e -> e.peer().userId()).toList());
        assertFalse(inbox.of(first.connectionId(), LiveEvent.StudyUpdate.class).isEmpty());
        assertTrue(inbox.of(second.connectionId()).isEmpty(), "the newcomer hears nothing before its welcome");
        assertEquals(2, ledger.inRoom(room, Instant.EPOCH, clock.instant().plusSeconds(1)).size(), "each connection is a recorded session");
        assertEquals(30, second.leaderboard().stream().filter(e -> e.userId().equals(kim)).findFirst().orElseThrow().liveSeconds());
    }

    @Test
    void theFifthLiveConnectionIsRefused() {
        List<UserId> crowd = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            crowd.add(user("crowd" + i));
        }
        rooms.members.get(room).addAll(crowd);
        crowd.subList(0, 4).forEach(this::join);
        String ticket = live.issueTicket(crowd.get(4), room).value();
        assertEquals(ConnectLiveUseCase.Refusal.ROOM_FULL, ((ConnectLiveUseCase.Refused) live.connect(ticket, ConnectionId.newId(), room)).refusal());
    }

    @Test
    void aSecondConnectionReplacesTheFirstAndEndsItsSession() {
        var first = join(kim);
        var watcher = join(lee);
        clock.advance(Duration.ofSeconds(20));
        var second = join(kim);

        assertEquals(1, inbox.of(first.connectionId(), LiveEvent.Replaced.class).size());
        assertTrue(new LiveEvent.Replaced().endsConnection(), "the replaced connection closes after the event");
        assertTrue(inbox.of(watcher.connectionId(), LiveEvent.PeerLeft.class).stream().anyMatch(e -> e.connectionId().equals(first.connectionId())));
        List<StudySession> kims = ledger.ofUser(kim, Instant.EPOCH, clock.instant().plusSeconds(1));
        assertEquals(1, kims.stream().filter(StudySession::isOpen).count(), "only the new session runs");
        assertEquals(Duration.ofSeconds(20), kims.stream().filter(s -> !s.isOpen()).findFirst().orElseThrow().counted(clock.instant()));
        live.disconnect(first.connectionId());
        assertEquals(Optional.of(second.connectionId()), presence.ofUser(kim).map(c -> c.connectionId()), "the late close of the old one changes nothing");
    }

    @Test
    void chatIsStoredThenSentToEveryoneOnceAndAResendOnlyAcknowledges() {
        var a = join(kim);
        var b = join(lee);

        assertEquals(Optional.empty(), live.chat(a.connectionId(), "m-1", "안녕"));
        assertEquals(Optional.empty(), live.chat(a.connectionId(), "m-1", "안녕"));

        assertEquals(1, inbox.of(b.connectionId(), LiveEvent.ChatPosted.class).stream().filter(e -> !e.message().message().system()).count());
        assertEquals(2, inbox.of(a.connectionId(), LiveEvent.ChatPosted.class).stream().filter(e -> !e.message().message().system()).count(),
                "the sender gets the message and then the resend's acknowledgement");
        assertEquals(1, chat.history(room, Optional.empty(), 100).stream().filter(m -> !m.system()).count());
    }

    @Test
    void badChatFramesAndFloodsGetErrorsNotMessages() {
        var a = join(kim);
        // The command refuses what no frame may carry; the edge answers INVALID_FRAME before any use case runs.
        assertThrows(InvalidInputException.class, () -> SendChatUseCase.SendChat.of(a.connectionId(), "m", ""));
        assertThrows(InvalidInputException.class, () -> SendChatUseCase.SendChat.of(a.connectionId(), "m", "x".repeat(1001)));
        assertThrows(InvalidInputException.class, () -> SendChatUseCase.SendChat.of(a.connectionId(), "bad id with spaces", "hi"));
        for (int i = 0; i < 20; i++) {
            assertEquals(Optional.empty(), live.chat(a.connectionId(), "f" + i, "flood " + i));
        }
        assertEquals("RATE_LIMITED", live.chat(a.connectionId(), "f20", "one too many").orElseThrow().problem().name());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), live.chat(a.connectionId(), "f21", "after a pause"));
    }

    @Test
    void theChatBudgetIsTheUsersNotTheConnections() {
        var first = join(kim);
        for (int i = 0; i < 12; i++) {
            assertEquals(Optional.empty(), live.chat(first.connectionId(), "a" + i, "first " + i));
        }
        // Reconnecting (a new connection replaces the old) starts no fresh budget.
        var second = join(kim);
        for (int i = 0; i < 8; i++) {
            assertEquals(Optional.empty(), live.chat(second.connectionId(), "b" + i, "second " + i));
        }
        assertEquals("RATE_LIMITED", live.chat(second.connectionId(), "b8", "one too many").orElseThrow().problem().name());
        assertEquals(20, chat.history(room, Optional.empty(), 50).stream().filter(m -> !m.system()).count(),
                "the refused message was not stored");
        var lees = join(lee);
        assertEquals(Optional.empty(), live.chat(lees.connectionId(), "l0", "another user has a budget of its own"));
    }

    @Test
    void signalsAreBudgetedPerConnection() {
        var a = join(kim);
        var b = join(lee);
        SignalPayload candidate = new SignalPayload("{\"candidate\":\"c\"}");
        int budget = (int) Budgets.SIGNAL_PER_CONNECTION.capacity();
        for (int i = 0; i < budget; i++) {
            assertEquals(Optional.empty(), live.signal(a.connectionId(), b.connectionId().value(), "candidate", candidate), "signal " + i);
        }
        assertEquals("RATE_LIMITED", live.signal(a.connectionId(), b.connectionId().value(), "candidate", candidate).orElseThrow().problem().name());
        assertEquals(budget, inbox.of(b.connectionId(), LiveEvent.Signal.class).size(), "the refused signal was not relayed");
        assertEquals(Optional.empty(), live.signal(b.connectionId(), a.connectionId().value(), "candidate", candidate),
                "the other connection's budget is its own");
        clock.advance(Budgets.SIGNAL_PER_CONNECTION.period());
        assertEquals(Optional.empty(), live.signal(a.connectionId(), b.connectionId().value(), "candidate", candidate), "refilled");
    }

    @Test
    void liveTicketsAreBudgetedPerUser() {
        for (int i = 0; i < Budgets.TICKET_PER_USER.capacity(); i++) {
            live.issueTicket(kim, room);
        }
        var refused = assertThrows(RetryLaterException.class, () -> live.issueTicket(kim, room));
        assertEquals("RATE_LIMITED", refused.code());
        live.issueTicket(lee, room);
    }

    @Test
    void aConnectionCostsAtMostOnePingWriteEveryFewSecondsAndPingsBeyondItsBudgetAreRefused() {
        var counting = countingWrites();
        var a = join(kim).connectionId();

        assertTrue(live.pinged(a).isDone(), "just admitted: the admission's beat stands, answered at once");
        assertEquals(0, live.flushPings());
        clock.advance(ConnectionBeats.PING_BEAT_GAP);
        var due = live.pinged(a);
        assertFalse(due.isDone());
        assertEquals(1, live.flushPings());
        assertTrue(due.isDone());
        int written = counting.batches;
        int answered = 0;
        java.util.concurrent.CompletableFuture<Void> refused;
        while (!(refused = live.pinged(a)).isCompletedExceptionally()) {
            answered++;
            assertTrue(refused.isDone(), "ping " + answered + " comes within the gap: answered without a write");
            assertTrue(answered <= Budgets.PING_PER_CONNECTION.capacity(), "the budget holds at most its capacity");
            clock.advance(Duration.ofMillis(100));
        }
        assertTrue(answered >= Budgets.PING_PER_CONNECTION.capacity() - 2, "answered " + answered + " before the budget ran out");
        assertEquals(0, live.flushPings());
        assertEquals(written, counting.batches, "pings within the gap wrote nothing");
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, refused::get).getCause();
        assertEquals("RATE_LIMITED", assertInstanceOf(RetryLaterException.class, failure).code());
    }

    @Test
    void signalsReachExactlyTheAddressedConnectionInTheRoom() {
        var a = join(kim);
        var b = join(lee);
        SignalPayload offer = new SignalPayload("{\"sdp\":\"v=0...\",\"type\":\"offer\"}");

        assertEquals(Optional.empty(), live.signal(a.connectionId(), b.connectionId().value(), "offer", offer));
        LiveEvent.Signal received = inbox.of(b.connectionId(), LiveEvent.Signal.class).getFirst();
        assertEquals(a.connectionId(), received.from());
        assertEquals(kim, received.fromUserId());
        assertEquals(offer, received.payload());
        assertTrue(inbox.of(a.connectionId(), LiveEvent.Signal.class).isEmpty());

        assertEquals("UNKNOWN_PEER", live.signal(a.connectionId(), ConnectionId.newId().value(), "offer", offer).orElseThrow().problem().name());
        assertEquals("UNKNOWN_PEER", live.signal(a.connectionId(), "nonsense", "offer", offer).orElseThrow().problem().name());
        assertThrows(InvalidInputException.class,
                () -> new RelaySignalUseCase.RelaySignal(a.connectionId(), b.connectionId().value(), "hello", offer));
    }

    @Test
    void leavingEndsTheSessionAndShortOnesDoNotCount() {
        var a = join(kim);
        var b = join(lee);
        clock.advance(Duration.ofSeconds(3));
        live.disconnect(b.connectionId());
        clock.advance(Duration.ofMinutes(10));
        live.disconnect(a.connectionId());
        live.disconnect(a.connectionId());

        List<LeaderboardEntry> board = queries.leaderboard(kim, room, StudyPeriod.DAY, ZoneId.of("Asia/Seoul"));
        assertEquals(List.of(kim, lee), board.stream().map(LeaderboardEntry::userId).toList());
        assertEquals(603, board.get(0).studySeconds());
        assertEquals(0, board.get(1).studySeconds(), "three seconds is not a session");
        assertEquals(Map.of(room, 603L), totals, "the room's total grows by what counted");
        assertFalse(board.get(0).live());
        assertEquals(List.of(), presence.inRoom(room));
    }

    @Test
    void theLeaderboardCountsTheRunningSessionAndListsEveryMember() {
        UserId quiet = user("quiet");
        rooms.members.get(room).add(quiet);
        join(kim);
        clock.advance(Duration.ofSeconds(90));

        List<LeaderboardEntry> board = queries.leaderboard(lee, room, StudyPeriod.ALL, ZoneId.of("Asia/Seoul"));
        assertEquals(3, board.size());
        LeaderboardEntry top = board.getFirst();
        assertEquals(kim, top.userId());
        assertEquals(90, top.studySeconds());
        assertTrue(top.live());
        assertEquals(90, top.liveSeconds());
        assertEquals("NOT_MEMBER", assertThrows(DomainException.class,
                () -> queries.leaderboard(user("nosy"), room, StudyPeriod.DAY, ZoneId.of("UTC"))).code());
    }

    @Test
    void kickingAndClosingEndLiveConnections() {
        var a = join(kim);
        var b = join(lee);

        live.memberRemoved(room, lee);
        assertEquals(1, inbox.of(b.connectionId(), LiveEvent.Kicked.class).size());
        assertTrue(presence.get(b.connectionId()).isEmpty());
        assertTrue(inbox.of(a.connectionId(), LiveEvent.ChatPosted.class).stream()
                .anyMatch(e -> e.message().message().text().value().contains("내보내졌어요")));

        live.roomClosed(room);
        assertEquals(1, inbox.of(a.connectionId(), LiveEvent.RoomClosed.class).size());
        assertEquals(List.of(), presence.inRoom(room));
        assertTrue(ledger.inRoom(room, Instant.EPOCH, clock.instant().plusSeconds(1)).stream().noneMatch(StudySession::isOpen));
    }

    @Test
    void leavingTheRoomElsewhereEndsTheLiveConnectionWithItsOwnFarewell() {
        var a = join(kim);
        var b = join(lee);

        live.memberLeft(room, lee);
        assertEquals(1, inbox.of(b.connectionId(), LiveEvent.Left.class).size());
        assertEquals(List.of(), inbox.of(b.connectionId(), LiveEvent.Kicked.class), "leaving is not being kicked");
        assertTrue(presence.get(b.connectionId()).isEmpty());
        assertEquals(1, inbox.of(a.connectionId(), LiveEvent.PeerLeft.class).size());
        assertTrue(inbox.of(a.connectionId(), LiveEvent.ChatPosted.class).stream()
                .anyMatch(e -> e.message().message().text().value().contains("나갔어요")));
        assertTrue(ledger.inRoom(room, Instant.EPOCH, clock.instant().plusSeconds(1)).stream()
                .filter(s -> s.userId().equals(lee)).noneMatch(StudySession::isOpen), "the study session ends with it");

        live.memberLeft(room, kim);
        live.memberLeft(room, kim);
        assertEquals(1, inbox.of(a.connectionId(), LiveEvent.Left.class).size(), "told once");
    }

    @Test
    void theNodeBeatsForEveryConnectionItHoldsInOneWriteToPresenceAndOneToTheLedger() {
        var counting = countingWrites();
        join(kim);
        join(lee);
        clock.advance(Duration.ofSeconds(15));

        assertEquals(2, live.heartbeatAll());

        assertEquals(1, counting.batches);
        assertEquals(List.of(clock.instant(), clock.instant()),
                ledger.inRoom(room, clock.instant().minusSeconds(60), clock.instant()).stream().map(StudySession::lastHeartbeatAt).toList());
        assertEquals(List.of(), presence.staleSince(clock.instant().minusSeconds(1)), "presence beat too");
    }

    /** The in-memory ledger, counting the batched heartbeats it is asked for. */
    static final class CountingLedger implements kr.co.stupy.studytime.StudyLedger {
        private final kr.co.stupy.studytime.StudyLedger inner;
        int batches;

        CountingLedger(kr.co.stupy.studytime.StudyLedger inner) {
            this.inner = inner;
        }

        @Override
        public int heartbeatAll(java.util.Collection<String> sessionIds, Instant at) {
            batches++;
            return inner.heartbeatAll(sessionIds, at);
        }

        @Override
        public void begin(StudySession session) {
            inner.begin(session);
        }

        @Override
        public boolean heartbeat(String sessionId, Instant at) {
            return inner.heartbeat(sessionId, at);
        }

        @Override
        public Optional<StudySession> end(String sessionId, Instant at) {
            return inner.end(sessionId, at);
        }

        @Override
        public List<StudySession> openWithHeartbeatBefore(Instant cutoff) {
            return inner.openWithHeartbeatBefore(cutoff);
        }

        @Override
        public List<StudySession> inRoom(RoomId roomId, Instant from, Instant to) {
            return inner.inRoom(roomId, from, to);
        }

        @Override
        public List<StudySession> ofUser(UserId userId, Instant from, Instant to) {
            return inner.ofUser(userId, from, to);
        }

        @Override
        public void forEachFinished(java.util.function.Consumer<StudySession> action) {
            inner.forEachFinished(action);
        }

        @Override
        public long deleteRoom(RoomId roomId) {
            return inner.deleteRoom(roomId);
        }
    }

    @Test
    void pingsAreWrittenInOneBatchAndAnsweredOnceTheirBeatIsKept() {
        var counting = countingWrites();
        var a = join(kim).connectionId();
        var b = join(lee).connectionId();
        clock.advance(ConnectionBeats.PING_BEAT_GAP.plusSeconds(1));
        Instant firstPing = clock.instant();

        var pingA = live.pinged(a);
        var pingAAgain = live.pinged(a);
        clock.advance(Duration.ofMillis(200));
        var pingB = live.pinged(b);
        assertFalse(pingA.isDone(), "no pong before the beat is written");
        clock.advance(Duration.ofMillis(50));

        assertEquals(2, live.flushPings());

        assertTrue(pingA.isDone() && pingAAgain.isDone() && pingB.isDone());
        assertEquals(1, counting.batches, "one write for every ping of the flush");
        assertEquals(List.of(firstPing, firstPing), ledger.inRoom(room, firstPing.minusSeconds(60), clock.instant()).stream()
                .map(StudySession::lastHeartbeatAt).toList(), "credited no later than the earliest ping");
        assertEquals(0, live.flushPings(), "nothing left to write");
        assertTrue(live.pinged(ConnectionId.newId()).isDone(), "a connection this node does not hold gets its pong at once");
    }

    @Test
    void aChatCarriesItsAuthorsNameWithoutAskingTheStoreEachTime() {
        var welcome = join(kim);
        var counting = new java.util.concurrent.atomic.AtomicInteger();
        users.onLookUp(counting::incrementAndGet);

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), live.chat(welcome.connectionId(), "c-" + i, "안녕 " + i));
        }
        assertEquals(0, counting.get(), "the name read at admission serves");
        assertEquals("kim", inbox.of(welcome.connectionId(), LiveEvent.ChatPosted.class).getLast().message().nickname());

        clock.advance(AuthorNames.FRESH_FOR);
        live.chat(welcome.connectionId(), "c-late", "later");
        assertEquals(1, counting.get(), "and is read again once it is a few seconds old");
    }

    @Test
    void theReaperClosesSessionsOfADeadNodeAtTheirLastHeartbeat() {
        StudySession orphan = StudySession.start(kim, room, clock.instant());
        ledger.begin(orphan);
        ledger.heartbeat(orphan.id(), clock.instant().plusSeconds(15));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, live.reap(), "not stale yet");

        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, live.reap());
        StudySession closed = ledger.ofUser(kim, Instant.EPOCH, clock.instant()).getFirst();
        assertEquals(Optional.of(orphan.startedAt().plusSeconds(15)), closed.endedAt());
        assertEquals(Map.of(room, 15L), totals, "a dead node's session counts up to its last heartbeat");
    }

    @Test
    void whenTheBusForgetsThisNodePutsItsConnectionsBackAndClosesTheOnesThatLostTheirSeat() {
        UserId park = user("park");
        rooms.members.get(room).add(park);
        var kept = join(kim);
        var lost = join(lee);
        var gone = join(park);
        live.disconnect(gone.connectionId());
        clock.advance(Duration.ofSeconds(40));
        // A restarted, empty shared store: nobody is present any more; meanwhile lee went live on another node.
        presence.remove(kept.connectionId());
        presence.remove(lost.connectionId());
        Instant now = clock.instant();
        presence.admit(new kr.co.stupy.application.live.LiveConnection(ConnectionId.newId(), lee, room, "node-b", now,
                kr.co.stupy.shared.Ids.newId(now)));

        live.delivery(inbox, Duration.ZERO).busReconnected();

        assertEquals(kim, presence.get(kept.connectionId()).orElseThrow().userId(), "put back");
        assertEquals(List.of(), presence.staleSince(now.minusSeconds(1)), "beating as of now, so no reaper takes it for dead");
        assertTrue(presence.get(gone.connectionId()).isEmpty(), "a closed connection is not put back");
        assertEquals(List.of(new LiveEvent.Replaced()), inbox.of(lost.connectionId(), LiveEvent.Replaced.class), "its seat is taken");
        assertEquals("node-b", presence.ofUser(lee).orElseThrow().nodeId());
        clock.advance(Duration.ofSeconds(30));
        // Lee's old session stopped beating when the store went away: it ends at that heartbeat, never overlapping the new one.
        assertEquals(1, live.reap(), "only the session that lost its seat is reaped");
        assertTrue(presence.get(kept.connectionId()).isPresent(), "the put-back connection beat when it was put back");
    }

    /** A shared bus that can be cut: while it is away, what is published is lost, as with Redis pub/sub. */
    static final class CuttableBus implements kr.co.stupy.application.live.port.out.RoomBroadcaster {
        final InProcessPresence presence;
        DeliverLiveEventUseCase delivery;
        boolean away;

        CuttableBus(InProcessPresence presence) {
            this.presence = presence;
        }

        @Override
        public void toRoom(RoomId roomId, LiveEvent event) {
            presence.inRoom(roomId).forEach(c -> toConnection(c.connectionId(), event));
        }

        @Override
        public void toConnection(ConnectionId connectionId, LiveEvent event) {
            if (!away) {
                delivery.deliver(connectionId, event);
            }
        }
    }

    @Test
    void whenTheBusComesBackEachConnectionIsToldWhatItMissedAndNothingTwice() {
        CuttableBus bus = new CuttableBus(presence);
        LiveRoomsHarness node = new LiveRoomsHarness(rooms, new InProcessTickets(), presence, bus, chat, ledger,
                (roomId, seconds) -> totals.merge(roomId, seconds, Long::sum), rollups, users, StudyDayPolicy.DEFAULT, clock, "node-a");
        bus.delivery = node.delivery(inbox, Duration.ZERO);
        UserId park = user("park");
        rooms.members.get(room).add(park);
        var a = assertInstanceOf(ConnectLiveUseCase.Welcome.class, node.connect(node.issueTicket(kim, room).value(), ConnectionId.newId(), room));
        var b = assertInstanceOf(ConnectLiveUseCase.Welcome.class, node.connect(node.issueTicket(lee, room).value(), ConnectionId.newId(), room));
        node.chat(a.connectionId(), "seen", "before the outage");
        int aHadBefore = inbox.of(a.connectionId()).size();

        bus.away = true;
        var c = assertInstanceOf(ConnectLiveUseCase.Welcome.class, node.connect(node.issueTicket(park, room).value(), ConnectionId.newId(), room));
        clock.advance(Duration.ofSeconds(1));
        node.chat(b.connectionId(), "lost", "said while the bus was away");
        clock.advance(Duration.ofSeconds(1));
        node.disconnect(b.connectionId());
        assertEquals(aHadBefore, inbox.of(a.connectionId()).size(), "nothing reached kim while the bus was away");
        bus.away = false;
        bus.delivery.busReconnected();

        List<LiveEvent> caughtUp = inbox.of(a.connectionId()).subList(aHadBefore, inbox.of(a.connectionId()).size());
        assertEquals(List.of(new LiveEvent.PeerLeft(b.connectionId(), lee)), filter(caughtUp, LiveEvent.PeerLeft.class));
        assertEquals(List.of(c.connectionId()), filter(caughtUp, LiveEvent.PeerJoined.class).stream().map(j -> j.peer().connectionId()).toList());
        assertEquals(List.of("park 님이 들어왔어요", "said while the bus was away", "lee 님이 나갔어요"), texts(caughtUp),
                "every message it missed, oldest first, and none it had");
        assertInstanceOf(LiveEvent.StudyUpdate.class, caughtUp.getLast(), "and the day's board as it is now");

        List<LiveEvent> parkCaughtUp = inbox.of(c.connectionId());
        assertEquals(List.of(new LiveEvent.PeerLeft(b.connectionId(), lee)), filter(parkCaughtUp, LiveEvent.PeerLeft.class),
                "park's welcome listed lee, whose departure was lost");
        assertEquals(List.of(), filter(parkCaughtUp, LiveEvent.PeerJoined.class));
        assertEquals(List.of("said while the bus was away", "lee 님이 나갔어요"), texts(parkCaughtUp));

        int aHadAfter = inbox.of(a.connectionId()).size();
        bus.delivery.busReconnected();
        List<LiveEvent> again = inbox.of(a.connectionId()).subList(aHadAfter, inbox.of(a.connectionId()).size());
        assertEquals(1, again.size(), "a second reconnect owes nothing but the board: " + again);
        assertInstanceOf(LiveEvent.StudyUpdate.class, again.getFirst());
    }

    private static <T extends LiveEvent> List<T> filter(List<LiveEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> texts(List<LiveEvent> events) {
        return filter(events, LiveEvent.ChatPosted.class).stream().map(p -> p.message().message().text().value()).toList();
    }

    @Test
    void historyPagesNewestFirstForMembersOnly() {
        var a = join(kim);
        for (int i = 0; i < 5; i++) {
            live.chat(a.connectionId(), "h" + i, "message " + i);
        }
        var page = queries.history(kim, room, PageRequest.first(3));
        assertEquals(List.of("message 4", "message 3", "message 2"), page.items().stream().map(m -> m.message().text().value()).toList());
        var next = queries.history(kim, room, new PageRequest(3, page.nextCursor()));
        assertEquals("message 1", next.items().getFirst().message().text().value());
        assertEquals("NOT_MEMBER", assertThrows(DomainException.class, () -> queries.history(user("nosy2"), room, PageRequest.first(3))).code());
    }
}
