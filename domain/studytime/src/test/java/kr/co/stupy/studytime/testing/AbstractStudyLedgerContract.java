package kr.co.stupy.studytime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StudyLedger} promises. Extend it once per implementation. */
public abstract class AbstractStudyLedgerContract {

    protected static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    protected StudyLedger ledger;
    protected final UserId kim = UserId.newId();
    protected final UserId lee = UserId.newId();
    protected final RoomId room = RoomId.newId();
    protected final RoomId otherRoom = RoomId.newId();

    protected abstract StudyLedger createLedger();

    @BeforeEach
    void setUpLedger() {
        ledger = createLedger();
    }

    @Test
    void aSessionIsRecordedWhenItStartsAndBeatsForward() {
        StudySession session = StudySession.start(kim, room, T0);
        ledger.begin(session);

        assertEquals(List.of(session), ledger.inRoom(room, T0, T0.plusSeconds(60)));
        assertTrue(ledger.heartbeat(session.id(), T0.plusSeconds(15)));
        assertFalse(ledger.heartbeat(session.id(), T0.plusSeconds(10)), "a heartbeat never moves back");
        assertEquals(T0.plusSeconds(15), ledger.inRoom(room, T0, T0.plusSeconds(60)).getFirst().lastHeartbeatAt());
        assertFalse(ledger.heartbeat("00000000000000000000000000", T0.plusSeconds(20)));
    }

    @Test
    void aSessionKeepsItsSubjectThroughBeatsEndAndEveryRead() {
        StudySession math = StudySession.start(kim, room, Optional.of(new Subject("수학 II")), T0);
        StudySession none = StudySession.start(lee, room, T0);
        ledger.begin(math);
        ledger.begin(none);
        ledger.heartbeat(math.id(), T0.plusSeconds(15));

        StudySession ended = ledger.end(math.id(), T0.plusSeconds(30)).orElseThrow();

        assertEquals(Optional.of(new Subject("수학 II")), ended.subject());
        assertEquals(Optional.of(new Subject("수학 II")), ledger.ofUser(kim, T0, T0.plusSeconds(60)).getFirst().subject());
        assertEquals(Optional.empty(), ledger.ofUser(lee, T0, T0.plusSeconds(60)).getFirst().subject());
        List<StudySession> finished = new java.util.ArrayList<>();
        ledger.forEachFinished(finished::add);
        assertEquals(List.of(ended), finished);
    }

    @Test
    void manySessionsBeatInOneCallByTheSameRules() {
        StudySession open = StudySession.start(kim, room, T0);
        StudySession ahead = StudySession.start(UserId.newId(), room, T0);
        StudySession ended = StudySession.start(UserId.newId(), room, T0);
        List.of(open, ahead, ended).forEach(ledger::begin);
        ledger.heartbeat(ahead.id(), T0.plusSeconds(60));
        ledger.end(ended.id(), T0.plusSeconds(10));

        int moved = ledger.heartbeatAll(List.of(open.id(), ahead.id(), ended.id(), "00000000000000000000000000"), T0.plusSeconds(30));

        assertEquals(1, moved, "only the open session whose last beat is older moves");
        Map<String, Instant> beats = ledger.inRoom(room, T0, T0.plusSeconds(120)).stream()
                .collect(Collectors.toMap(StudySession::id, StudySession::lastHeartbeatAt));
        assertEquals(T0.plusSeconds(30), beats.get(open.id()));
        assertEquals(T0.plusSeconds(60), beats.get(ahead.id()), "a heartbeat never moves back");
        assertEquals(T0.plusSeconds(10), beats.get(ended.id()), "an ended session takes no heartbeats");
        assertEquals(0, ledger.heartbeatAll(List.of(), T0.plusSeconds(40)));
    }

    @Test
    void aNodesBeatOfEverySessionItHoldsMovesThemAndOneItLetGoKeepsTheBeatItHad() {
        StudySession a = StudySession.start(kim, room, T0);
        StudySession b = StudySession.start(lee, room, T0);
        StudySession ended = StudySession.start(UserId.newId(), room, T0);
        List.of(a, b, ended).forEach(ledger::begin);
        ledger.end(ended.id(), T0.plusSeconds(10));

        ledger.beatEveryHeld(List.of(a.id(), b.id(), ended.id()), T0.plusSeconds(15));
        assertEquals(Map.of(a.id(), T0.plusSeconds(15), b.id(), T0.plusSeconds(15), ended.id(), T0.plusSeconds(10)), beatsIn(room),
                "an ended session takes no beats");

        ledger.beatEveryHeld(List.of(a.id()), T0.plusSeconds(30));
        assertEquals(T0.plusSeconds(30), beatsIn(room).get(a.id()));
        assertEquals(T0.plusSeconds(15), beatsIn(room).get(b.id()), "let go: it keeps the last beat it was part of");
        assertEquals(T0.plusSeconds(15), ledger.ofUser(lee, T0, T0.plusSeconds(60)).getFirst().lastHeartbeatAt());
        List<StudySession> stale = ledger.openWithHeartbeatBefore(T0.plusSeconds(20));
        assertEquals(List.of(b.id()), stale.stream().map(StudySession::id).toList());
        assertEquals(T0.plusSeconds(15), stale.getFirst().lastHeartbeatAt(), "a reaper ends it at that beat");

        ledger.beatEveryHeld(List.of(a.id()), T0.plusSeconds(20));
        assertEquals(T0.plusSeconds(30), beatsIn(room).get(a.id()), "a beat never moves back");
        ledger.beatEveryHeld(List.of(), T0.plusSeconds(45));
        assertEquals(T0.plusSeconds(30), beatsIn(room).get(a.id()), "a node holding nothing beats nothing");
        assertEquals(List.of(a.id(), b.id()).stream().sorted().toList(),
                ledger.openWithHeartbeatBefore(T0.plusSeconds(40)).stream().map(StudySession::id).sorted().toList());
    }

    @Test
    void aSessionHeldAgainBeatsAgainAndEndsWhereItIsEnded() {
        StudySession a = StudySession.start(kim, room, T0);
        ledger.begin(a);
        ledger.beatEveryHeld(List.of(a.id()), T0.plusSeconds(15));
        ledger.beatEveryHeld(List.of(), T0.plusSeconds(30));
        ledger.beatEveryHeld(List.of(a.id()), T0.plusSeconds(45));
        assertEquals(T0.plusSeconds(45), beatsIn(room).get(a.id()));
        ledger.heartbeat(a.id(), T0.plusSeconds(50));
        assertEquals(T0.plusSeconds(50), beatsIn(room).get(a.id()), "a single heartbeat still moves it on");

        StudySession ended = ledger.end(a.id(), T0.plusSeconds(55)).orElseThrow();
        ledger.beatEveryHeld(List.of(a.id()), T0.plusSeconds(60));
        StudySession stored = ledger.inRoom(room, T0, T0.plusSeconds(90)).getFirst();
        assertEquals(Optional.of(T0.plusSeconds(55)), stored.endedAt());
        assertEquals(ended.lastHeartbeatAt(), stored.lastHeartbeatAt(), "a beat after the end changes nothing");
        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(999)));
    }

    private Map<String, Instant> beatsIn(RoomId roomId) {
        return ledger.inRoom(roomId, T0, T0.plusSeconds(3600)).stream().collect(Collectors.toMap(StudySession::id, StudySession::lastHeartbeatAt));
    }

    @Test
    void aSessionEndsExactlyOnce() {
        StudySession session = StudySession.start(kim, room, T0);
        ledger.begin(session);

        List<Optional<StudySession>> endings = Parallel.run(16, i -> ledger.end(session.id(), T0.plusSeconds(100 + i)));

        assertEquals(1, endings.stream().filter(Optional::isPresent).count());
        StudySession stored = ledger.inRoom(room, T0, T0.plusSeconds(1000)).getFirst();
        assertFalse(stored.isOpen());
        assertFalse(ledger.heartbeat(session.id(), T0.plusSeconds(500)), "an ended session takes no heartbeats");
        assertEquals(Optional.empty(), ledger.end(session.id(), T0.plusSeconds(900)));
    }

    @Test
    void anEndBeforeTheStartIsClampedToTheStart() {
        StudySession session = StudySession.start(kim, room, T0);
        ledger.begin(session);
        assertEquals(Optional.of(T0), ledger.end(session.id(), T0.minusSeconds(30)).orElseThrow().endedAt());
    }

    @Test
    void staleOpenSessionsAreFoundByTheirLastHeartbeat() {
        StudySession stale = StudySession.start(kim, room, T0);
        StudySession fresh = StudySession.start(lee, room, T0);
        StudySession done = StudySession.start(UserId.newId(), room, T0);
        ledger.begin(stale);
        ledger.begin(fresh);
        ledger.begin(done);
        ledger.heartbeat(fresh.id(), T0.plusSeconds(60));
        ledger.end(done.id(), T0.plusSeconds(10));

        List<StudySession> found = ledger.openWithHeartbeatBefore(T0.plusSeconds(45));
        assertEquals(List.of(stale.id()), found.stream().map(StudySession::id).toList());
    }

    @Test
    void queriesReturnSessionsThatOverlapTheSpan() {
        StudySession early = StudySession.start(kim, room, T0);
        StudySession late = StudySession.start(kim, otherRoom, T0.plusSeconds(7200));
        StudySession leeOpen = StudySession.start(lee, room, T0.plusSeconds(3000));
        ledger.begin(early);
        ledger.begin(late);
        ledger.begin(leeOpen);
        ledger.end(early.id(), T0.plusSeconds(3600));
        ledger.end(late.id(), T0.plusSeconds(9000));

        assertEquals(List.of(early.id()), ids(ledger.ofUser(kim, T0.plusSeconds(3599), T0.plusSeconds(7200))));
        assertEquals(List.of(), ids(ledger.ofUser(kim, T0.plusSeconds(3600), T0.plusSeconds(7200))));
        assertEquals(List.of(early.id(), late.id()), ids(ledger.ofUser(kim, Instant.EPOCH, T0.plusSeconds(99999))));
        assertEquals(List.of(early.id(), leeOpen.id()), ids(ledger.inRoom(room, T0, T0.plusSeconds(99999))));
    }

    @Test
    void deletingARoomForgetsItsSessionsOnly() {
        ledger.begin(StudySession.start(kim, room, T0));
        ledger.begin(StudySession.start(lee, room, T0));
        ledger.begin(StudySession.start(kim, otherRoom, T0.plusSeconds(10)));

        assertEquals(2, ledger.deleteRoom(room));
        assertEquals(List.of(), ledger.inRoom(room, Instant.EPOCH, T0.plusSeconds(99999)));
        assertEquals(1, ledger.inRoom(otherRoom, Instant.EPOCH, T0.plusSeconds(99999)).size());
    }

    private static List<String> ids(List<StudySession> sessions) {
        return sessions.stream().map(StudySession::id).toList();
    }

    @Test
    void everyFinishedSessionIsHandedToARebuildAndOpenOnesAreNot() {
        StudySession done = StudySession.start(kim, room, T0);
        StudySession other = StudySession.start(lee, otherRoom, T0.plusSeconds(5));
        StudySession open = StudySession.start(kim, otherRoom, T0.plusSeconds(600));
        ledger.begin(done);
        ledger.begin(other);
        ledger.begin(open);
        ledger.end(done.id(), T0.plusSeconds(300));
        ledger.end(other.id(), T0.plusSeconds(90));

        List<StudySession> seen = new java.util.ArrayList<>();
        ledger.forEachFinished(seen::add);

        assertEquals(java.util.Set.of(done.id(), other.id()), seen.stream().map(StudySession::id).collect(java.util.stream.Collectors.toSet()));
        assertTrue(seen.stream().noneMatch(StudySession::isOpen));
        assertEquals(Optional.of(T0.plusSeconds(300)), seen.stream().filter(s -> s.id().equals(done.id())).findFirst().orElseThrow().endedAt());
    }

    @Test
    void aStaleSessionComesWithItsLastHeartbeatSoItEndsThere() {
        StudySession session = StudySession.start(kim, room, T0);
        ledger.begin(session);
        ledger.heartbeat(session.id(), T0.plusSeconds(15));
        ledger.heartbeat(session.id(), T0.plusSeconds(30));

        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(30)), "its last heartbeat is not before the cutoff");
        StudySession stale = ledger.openWithHeartbeatBefore(T0.plusSeconds(75)).getFirst();
        assertEquals(T0.plusSeconds(30), stale.lastHeartbeatAt());
        assertEquals(Optional.of(T0.plusSeconds(30)), ledger.end(stale.id(), stale.lastHeartbeatAt()).orElseThrow().endedAt());
    }

    @Test
    void anEndedSessionIsNeverStaleAgain() {
        StudySession session = StudySession.start(kim, room, T0);
        ledger.begin(session);
        ledger.end(session.id(), T0.plusSeconds(20));
        ledger.heartbeat(session.id(), T0.plusSeconds(30));

        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(99999)));
        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(99999)), "asking again finds nothing either");
    }

    @Test
    void concurrentReapersCloseEachStaleSessionOnceAtItsLastHeartbeat() {
        List<StudySession> started = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            StudySession session = StudySession.start(UserId.newId(), i % 2 == 0 ? room : otherRoom, T0.plusSeconds(i));
            ledger.begin(session);
            ledger.heartbeat(session.id(), T0.plusSeconds(15 + i));
            started.add(session);
        }
        StudySession alive = StudySession.start(kim, room, T0);
        ledger.begin(alive);
        ledger.heartbeat(alive.id(), T0.plusSeconds(100));

        // Every node's reaper asks at once and ends what it found, as LiveDepartureService.reap() does.
        List<List<StudySession>> closedByEach = Parallel.run(8, i -> ledger.openWithHeartbeatBefore(T0.plusSeconds(90)).stream()
                .flatMap(s -> ledger.end(s.id(), s.lastHeartbeatAt()).stream()).toList());

        List<StudySession> closed = closedByEach.stream().flatMap(List::stream).toList();
        assertEquals(started.stream().map(StudySession::id).sorted().toList(), closed.stream().map(StudySession::id).sorted().toList(),
                "each stale session was ended by exactly one reaper");
        for (int i = 0; i < started.size(); i++) {
            String id = started.get(i).id();
            assertEquals(Optional.of(T0.plusSeconds(15 + i)), closed.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().endedAt());
        }
        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(90)));
        assertEquals(List.of(alive.id()), ids(ledger.openWithHeartbeatBefore(T0.plusSeconds(101))));
    }

    @Test
    void theOpenSessionsOfADeletedRoomAreNoLongerStale() {
        StudySession gone = StudySession.start(kim, room, T0);
        StudySession kept = StudySession.start(lee, otherRoom, T0);
        ledger.begin(gone);
        ledger.begin(kept);

        ledger.deleteRoom(room);

        assertEquals(List.of(kept.id()), ids(ledger.openWithHeartbeatBefore(T0.plusSeconds(60))));
    }
}
