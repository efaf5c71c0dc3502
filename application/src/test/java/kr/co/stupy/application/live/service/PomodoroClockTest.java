package kr.co.stupy.application.live.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LiveEvent.PomodoroUpdate;
import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.service.LiveServicesTest.Inbox;
import kr.co.stupy.chat.testing.InMemoryChatLog;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.rooms.InMemoryRoomPomodoros;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.rooms.Pomodoro.PhaseKind;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import kr.co.stupy.studytime.testing.InMemoryStudyRollups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node's pomodoro clock: each phase change told once, break phases kept out of study time. */
class PomodoroClockTest {

    static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final FakeRooms rooms = new FakeRooms();
    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryStudyLedger ledger = new InMemoryStudyLedger();
    final InProcessPresence presence = new InProcessPresence();
    final InMemoryRoomPomodoros stored = new InMemoryRoomPomodoros();
    final Inbox inbox = new Inbox();
    final Inbox clockSays = new Inbox();
    final RoomId room = RoomId.newId();
    LiveRoomsHarness live;
    UserId kim;
    UserId lee;

    @BeforeEach
    void setUp() {
        live = new LiveRoomsHarness(rooms, new InProcessTickets(), presence, new InProcessBroadcaster(presence, inbox), new InMemoryChatLog(),
                ledger, (roomId, seconds) -> { }, InMemoryStudyRollups.create(), users, StudyDayPolicy.DEFAULT, clock, "node-a",
                new InProcessRateLimits(clock), Budgets.defaults(), stored::of, clockSays);
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

    /** Starts a pomodoro now through this node, as the owner's request would. */
    void start(long focus, long rest, long longRest, int rounds) {
        Pomodoro pomodoro = Pomodoro.of(clock.instant(), focus, rest, longRest, rounds);
        stored.start(room, pomodoro);
        live.services().pomodoros().changed(room, Optional.of(pomodoro));
    }

    void at(long secondsAfterT0) {
        clock.set(T0.plusMillis(secondsAfterT0 * 1000 + 100));
        live.services().pomodoros().tick();
    }

    List<PomodoroUpdate> told(ConnectionId connection) {
        return clockSays.of(connection, PomodoroUpdate.class);
    }

    List<Long> countedSeconds(UserId user) {
        return ledger.ofUser(user, Instant.EPOCH, clock.instant().plusSeconds(1)).stream().sorted(Comparator.comparing(StudySession::startedAt))
                .map(s -> s.counted(clock.instant()).toSeconds()).toList();
    }

    @Test
    void everyConnectionIsToldEachPhaseChangeOnceAndBreaksAreNoStudy() {
        var kims = join(kim);
        var lees = join(lee);
        start(60, 60, 0, 1);
        assertEquals(List.of(PhaseKind.FOCUS), told(kims.connectionId()).stream().map(u -> u.phase().orElseThrow().kind()).toList());

        at(30);
        at(59);
        assertEquals(1, told(kims.connectionId()).size(), "nothing new within a phase");
        at(60);
        at(61);
        PomodoroUpdate rest = told(lees.connectionId()).getLast();
        assertEquals(2, told(lees.connectionId()).size());
        assertEquals(PhaseKind.BREAK, rest.phase().orElseThrow().kind());
        assertEquals(T0.plusSeconds(120), rest.phase().orElseThrow().endsAt());
        assertEquals(StudyStatus.BREAK, presence.get(kims.connectionId()).orElseThrow().state().status(), "the room's break is everyone's");
        at(120);
        assertEquals(PhaseKind.FOCUS, told(kims.connectionId()).getLast().phase().orElseThrow().kind());
        assertEquals(2, told(kims.connectionId()).getLast().phase().orElseThrow().round());
        at(130);
        live.disconnect(kims.connectionId());

        assertEquals(List.of(60L, 10L), countedSeconds(kim), "the break from 60 to 120 s is in no session, to the second");
        assertEquals(3, told(kims.connectionId()).size());
        assertEquals(List.of(StudyStatus.BREAK, StudyStatus.STUDYING), inbox.of(lees.connectionId(), LiveEvent.PeerStatus.class).stream()
                .filter(e -> e.userId().equals(kim)).map(e -> e.state().status()).toList(), "peers see the pause and the resume");
    }

    @Test
    void aTickThatComesLateStillStopsTheClockWhereTheBreakBegan() {
        var kims = join(kim);
        start(60, 60, 0, 1);
        at(125);   // the whole break passed between two ticks
        at(170);
        live.disconnect(kims.connectionId());
        assertEquals(List.of(60L, 50L), countedSeconds(kim));
    }

    @Test
    void aLateJoinerArrivesOnTheBreakAndStudiesFromTheNextFocus() {
        start(60, 300, 0, 1);
        clock.set(T0.plusSeconds(100));
        var kims = join(kim);
        assertEquals(PhaseKind.BREAK, kims.pomodoro().phase().orElseThrow().kind());
        assertEquals(StudyStatus.BREAK, kims.state().status());
        assertTrue(countedSeconds(kim).isEmpty(), "no session runs on the break");
        at(360);
        at(400);
        live.disconnect(kims.connectionId());
        assertEquals(List.of(40L), countedSeconds(kim));
        assertEquals(1, told(kims.connectionId()).size(), "the welcome told the break; the clock told the focus once");
    }

    @Test
    void aMembersOwnBreakOutlastsTheRoomsAndAskingToStudyDuringTheRoomsBreakWaitsForTheFocus() {
        var kims = join(kim);
        var lees = join(lee);
        start(60, 60, 0, 1);
        at(10);
        live.status(kims.connectionId(), "break", null);   // kim rests on their own
        at(70);
        live.status(lees.connectionId(), "studying", Optional.of("수학"));   // during the room's break: wait for the focus
        assertEquals(StudyStatus.BREAK, presence.get(lees.connectionId()).orElseThrow().state().status());
        at(120);
        assertEquals(StudyStatus.BREAK, presence.get(kims.connectionId()).orElseThrow().state().status(), "kim's own break goes on");
        assertEquals(StudyStatus.STUDYING, presence.get(lees.connectionId()).orElseThrow().state().status());
        assertEquals("수학", presence.get(lees.connectionId()).orElseThrow().state().subject().orElseThrow().name());
        at(150);
        live.disconnect(lees.connectionId());
        live.disconnect(kims.connectionId());
        assertEquals(List.of(60L, 30L), countedSeconds(lee));
        assertEquals(List.of(10L), countedSeconds(kim));
    }

    @Test
    void stoppingDuringABreakPutsThePausedBackToStudyNowAndTellsEveryoneOnce() {
        var kims = join(kim);
        start(60, 600, 0, 1);
        at(100);
        stored.stop(room);
        live.services().pomodoros().changed(room, Optional.empty());
        assertEquals(Optional.empty(), told(kims.connectionId()).getLast().pomodoro());
        at(110);
        at(130);
        assertEquals(3, told(kims.connectionId()).size(), "start, break, stop");
        live.disconnect(kims.connectionId());
        assertEquals(List.of(60L, 30L), countedSeconds(kim));
    }

    @Test
    void aStartOnAnotherNodeIsReadFromTheStoreWithinASecond() {
        var kims = join(kim);
        at(1);
        stored.start(room, Pomodoro.of(T0.plusSeconds(1), 60, 60, 0, 1));   // another node wrote it; this one was not told
        at(2);
        assertEquals(1, told(kims.connectionId()).size());
        assertEquals(T0.plusSeconds(1), told(kims.connectionId()).getFirst().pomodoro().orElseThrow().startedAt());
    }
}
