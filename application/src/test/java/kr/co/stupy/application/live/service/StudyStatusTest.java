package kr.co.stupy.application.live.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.port.in.FrameError;
import kr.co.stupy.application.live.service.LiveServicesTest.Inbox;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.chat.testing.InMemoryChatLog;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import kr.co.stupy.studytime.testing.InMemoryStudyRollups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Breaks and subjects as live rooms drive them: the ledger splits, peers hear, boards stop the clock. */
class StudyStatusTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z"));
    final FakeRooms rooms = new FakeRooms();
    final Inbox inbox = new Inbox();
    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryStudyLedger ledger = new InMemoryStudyLedger();
    final InProcessPresence presence = new InProcessPresence();
    final Map<RoomId, Long> totals = new HashMap<>();
    final StudyRollups rollups = InMemoryStudyRollups.create();
    final RoomId room = RoomId.newId();
    LiveRoomsHarness live;
    UserId kim;
    UserId lee;

    @BeforeEach
    void setUp() {
        live = new LiveRoomsHarness(rooms, new InProcessTickets(), presence, new InProcessBroadcaster(presence, inbox), new InMemoryChatLog(),
                ledger, (roomId, seconds) -> totals.merge(roomId, seconds, Long::sum), rollups, users, StudyDayPolicy.DEFAULT, clock, "node-a");
        kim = user("kim");
        lee = user("lee");
        rooms.members.put(room, new ArrayList<>(List.of(kim, lee)));
    }

    UserId user(String name) {
        return LiveRoomsHarness.register(users, name, clock.instant());
    }

    ConnectLiveUseCase.Welcome join(UserId user) {
        return live.join(user, room);
    }

    List<StudySession> sessionsOf(UserId user) {
        return ledger.ofUser(user, Instant.EPOCH, clock.instant().plusSeconds(1)).stream()
                .sorted(Comparator.comparing(StudySession::startedAt)).toList();
    }

    LeaderboardEntry entryOf(UserId user) {
        return live.leaderboard(kim, room, StudyPeriod.DAY, StudyDayPolicy.DEFAULT.zone()).stream()
                .filter(e -> e.userId().equals(user)).findFirst().orElseThrow();
    }

    @Test
    void aNewcomerStudiesWithNoSubjectAndItsWelcomeSaysSo() {
        var welcome = join(kim);
        assertEquals(StudyStatus.STUDYING, welcome.state().status());
        assertEquals(Optional.empty(), welcome.state().subject());
        assertEquals(clock.instant(), welcome.serverTime());
    }

    @Test
    void aBreakEndsTheSessionAndResumingStartsTheNextSoBreakTimeIsNeverStudy() {
        var kims = join(kim);
        var lees = join(lee);
        clock.advance(Duration.ofSeconds(600));
        assertEquals(Optional.empty(), live.status(kims.connectionId(), "break", null));
        clock.advance(Duration.ofSeconds(300));
        assertEquals(600, entryOf(kim).studySeconds(), "the board's clock stops during a break");
        assertEquals(0, entryOf(kim).liveSeconds());
        assertTrue(entryOf(kim).live(), "on a break one is still live in the room");
        assertEquals(StudyStatus.BREAK, entryOf(kim).state().orElseThrow().status());

        assertEquals(Optional.empty(), live.status(kims.connectionId(), "studying", null));
        clock.advance(Duration.ofSeconds(120));
        assertEquals(720, entryOf(kim).studySeconds());
        assertEquals(120, entryOf(kim).liveSeconds());

        List<StudySession> sessions = sessionsOf(kim);
        assertEquals(2, sessions.size());
        assertEquals(Duration.ofSeconds(600), sessions.get(0).counted(clock.instant()));
        assertTrue(sessions.get(1).isOpen());
        assertEquals(sessions.get(0).endedAt().orElseThrow().plusSeconds(300), sessions.get(1).startedAt(), "the break lies between them");
        assertEquals(600L, totals.get(room), "the finished part counted once, at the break");

        List<LiveEvent.PeerStatus> seenByLee = inbox.of(lees.connectionId(), LiveEvent.PeerStatus.class);
        assertEquals(List.of(StudyStatus.BREAK, StudyStatus.STUDYING), seenByLee.stream().map(e -> e.state().status()).toList());
        assertEquals(2, inbox.of(kims.connectionId(), LiveEvent.PeerStatus.class).size(), "the sender hears it too");
    }

    @Test
    void aSubjectSplitsTheRunningSessionAndOmittingItKeepsIt() {
        var kims = join(kim);
        clock.advance(Duration.ofSeconds(100));
        live.status(kims.connectionId(), "studying", Optional.of("수학"));
        clock.advance(Duration.ofSeconds(200));
        live.status(kims.connectionId(), "break", null);
        clock.advance(Duration.ofSeconds(50));
        live.status(kims.connectionId(), "studying", null);
        clock.advance(Duration.ofSeconds(30));
        live.status(kims.connectionId(), "studying", Optional.empty());
        clock.advance(Duration.ofSeconds(10));

        List<StudySession> sessions = sessionsOf(kim);
        assertEquals(List.of(Optional.empty(), Optional.of(new Subject("수학")), Optional.of(new Subject("수학")), Optional.empty()),
                sessions.stream().map(StudySession::subject).toList());
        assertEquals(List.of(100L, 200L, 30L, 10L), sessions.stream().map(s -> s.counted(clock.instant()).toSeconds()).toList());
        assertEquals(Optional.of(new Subject("수학")), inbox.of(kims.connectionId(), LiveEvent.PeerStatus.class).get(2).state().subject(),
                "a resume without a subject keeps the one named before");
    }

    @Test
    void aRepeatedStatusChangesNothingAndOnlyTheSenderHearsWhereItStands() {
        var kims = join(kim);
        var lees = join(lee);
        clock.advance(Duration.ofSeconds(60));
        live.status(kims.connectionId(), "studying", null);

        assertEquals(1, sessionsOf(kim).size(), "no split");
        assertEquals(1, inbox.of(kims.connectionId(), LiveEvent.PeerStatus.class).size());
        assertTrue(inbox.of(lees.connectionId(), LiveEvent.PeerStatus.class).isEmpty());
    }

    @Test
    void leavingOnABreakEndsNothingTwiceAndAddsNothing() {
        var kims = join(kim);
        clock.advance(Duration.ofSeconds(60));
        live.status(kims.connectionId(), "break", null);
        clock.advance(Duration.ofSeconds(600));
        live.disconnect(kims.connectionId());

        assertEquals(60L, totals.get(room));
        assertEquals(1, sessionsOf(kim).size());
        assertFalse(sessionsOf(kim).getFirst().isOpen());
        assertEquals(60, rollups.userDays().ofUser(kim, StudyDayPolicy.DEFAULT.dayOf(clock.instant()),
                StudyDayPolicy.DEFAULT.dayOf(clock.instant())).values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void theNodesBeatSkipsAConnectionOnABreak() {
        var kims = join(kim);
        clock.advance(Duration.ofSeconds(30));
        live.status(kims.connectionId(), "break", null);
        StudySession ended = sessionsOf(kim).getFirst();
        clock.advance(Duration.ofSeconds(15));
        live.heartbeatAll();
        assertEquals(ended, sessionsOf(kim).getFirst(), "an ended session takes no beat");
        assertTrue(presence.get(kims.connectionId()).isPresent(), "the connection itself stays alive");
    }

    @Test
    void badStatusesAreRefusedBeforeAnythingChanges() {
        var kims = join(kim);
        assertEquals("status", assertThrows(InvalidInputException.class, () -> live.status(kims.connectionId(), "sleeping", null))
                .errors().getFirst().field());
        assertEquals("subject", assertThrows(InvalidInputException.class,
                () -> live.status(kims.connectionId(), "studying", Optional.of("x".repeat(21)))).errors().getFirst().field());
        assertEquals("subject", assertThrows(InvalidInputException.class,
                () -> live.status(kims.connectionId(), "studying", Optional.of("  "))).errors().getFirst().field());
        assertEquals(1, sessionsOf(kim).size());
        assertEquals(FrameError.Problem.NOT_LIVE, live.status(ConnectionId.newId(), "break", null).orElseThrow().problem());
    }

    @Test
    void statusFramesBeyondTheBudgetAreRateLimited() {
        var kims = join(kim);
        Optional<FrameError> last = Optional.empty();
        for (int i = 0; i < 21 && last.isEmpty(); i++) {
            last = live.status(kims.connectionId(), i % 2 == 0 ? "break" : "studying", null);
        }
        assertEquals(FrameError.Problem.RATE_LIMITED, last.orElseThrow().problem());
    }

    @Test
    void aConnectionThatLeftWhileItsStatusChangedLeavesNoSessionOpen() {
        var kims = join(kim);
        clock.advance(Duration.ofSeconds(30));
        presence.remove(kims.connectionId());   // another node's reaper or a replace took it meanwhile

        assertEquals(FrameError.Problem.NOT_LIVE, live.status(kims.connectionId(), "studying", Optional.of("영어")).orElseThrow().problem());
        assertTrue(sessionsOf(kim).stream().noneMatch(StudySession::isOpen));
    }
}
