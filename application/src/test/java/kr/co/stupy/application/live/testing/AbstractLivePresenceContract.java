package kr.co.stupy.application.live.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LivePresence.Admission;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LivePresence} promises. Extend it once per implementation. */
public abstract class AbstractLivePresenceContract {

    protected static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    protected LivePresence presence;
    protected final RoomId room = RoomId.newId();
    protected final RoomId otherRoom = RoomId.newId();

    protected abstract LivePresence createPresence();

    @BeforeEach
    void setUpPresence() {
        presence = createPresence();
    }

    protected static LiveConnection connection(UserId user, RoomId room, int secondsAfterT0) {
        Instant since = T0.plusSeconds(secondsAfterT0);
        return new LiveConnection(ConnectionId.newId(), user, room, "node-a", since, Ids.newId(since));
    }

    @Test
    void admitsAndListsTheRoomOldestFirst() {
        LiveConnection a = connection(UserId.newId(), room, 0);
        LiveConnection b = connection(UserId.newId(), room, 1);

        Admission first = presence.admit(a);
        Admission second = presence.admit(b);

        assertEquals(new Admission.Admitted(List.of(), Optional.empty()), first);
        assertEquals(new Admission.Admitted(List.of(a), Optional.empty()), second);
        assertEquals(List.of(a, b), presence.inRoom(room));
        assertEquals(Optional.of(a), presence.get(a.connectionId()));
        assertEquals(Optional.of(b), presence.ofUser(b.userId()));
        assertEquals(Map.of(room, 2), presence.counts(List.of(room, otherRoom)));
    }

    @Test
    void aStateChangeIsSeenByEveryReadAndAGoneConnectionTakesNone() {
        LiveConnection a = connection(UserId.newId(), room, 0);
        LiveConnection b = connection(UserId.newId(), otherRoom, 1);
        presence.admit(a);
        presence.admit(b);
        StudyState resting = new StudyState(StudyStatus.BREAK, Optional.of(new Subject("토익 LC")), T0.plusSeconds(30));

        LiveConnection changed = presence.changeState(a.connectionId(), a.sessionId(), resting).orElseThrow();

        assertEquals(a.withState(a.sessionId(), resting), changed);
        assertEquals(Optional.of(changed), presence.get(a.connectionId()));
        assertEquals(Optional.of(changed), presence.ofUser(a.userId()));
        assertEquals(List.of(changed), presence.inRoom(room));
        StudyState studying = StudyState.studying(Optional.empty(), T0.plusSeconds(40));
        String next = Ids.newId(T0.plusSeconds(40));
        assertEquals(Optional.of(a.withState(next, studying)), presence.changeState(a.connectionId(), next, studying));
        assertEquals(Set.of(a.withState(next, studying), b), Set.copyOf(presence.all()));

        presence.remove(b.connectionId());
        assertEquals(Optional.empty(), presence.changeState(b.connectionId(), b.sessionId(), resting));
        assertEquals(List.of(a.withState(next, studying)), presence.all());
    }

    @Test
    void theFifthIsRefused() {
        IntStream.range(0, 4).forEach(i -> assertInstanceOf(Admission.Admitted.class, presence.admit(connection(UserId.newId(), room, i))));
        assertInstanceOf(Admission.RoomFull.class, presence.admit(connection(UserId.newId(), room, 9)));
        assertEquals(4, presence.inRoom(room).size());
    }

    @Test
    void aSecondConnectionOfAUserReplacesTheFirstEvenInAnotherRoomOrAFullOne() {
        UserId kim = UserId.newId();
        LiveConnection first = connection(kim, otherRoom, 0);
        presence.admit(first);
        LiveConnection second = connection(kim, room, 1);

        Admission admission = presence.admit(second);

        assertEquals(new Admission.Admitted(List.of(), Optional.of(first)), admission);
        assertEquals(Optional.empty(), presence.get(first.connectionId()));
        assertEquals(List.of(), presence.inRoom(otherRoom));

        IntStream.range(0, 3).forEach(i -> presence.admit(connection(UserId.newId(), room, 2 + i)));
        LiveConnection third = connection(kim, room, 9);
        assertInstanceOf(Admission.Admitted.class, presence.admit(third), "replacing one's own seat needs no free seat");
        assertEquals(4, presence.inRoom(room).size());
    }

    @Test
    void parallelConnectsNeverExceedTheLimitOrTheOneConnectionPerUser() {
        UserId twin = UserId.newId();
        Set<ConnectionId> admitted = ConcurrentHashMap.newKeySet();
        Parallel.run(24, i -> {
            LiveConnection c = connection(i % 3 == 0 ? twin : UserId.newId(), room, i);
            if (presence.admit(c) instanceof Admission.Admitted) {
                admitted.add(c.connectionId());
            }
            return c;
        });
        List<LiveConnection> live = presence.inRoom(room);
        assertTrue(live.size() <= LivePresence.MAX_PER_ROOM, "at most four live: " + live.size());
        assertEquals(live.size(), live.stream().map(LiveConnection::userId).distinct().count(), "one connection per user");
        assertTrue(admitted.containsAll(live.stream().map(LiveConnection::connectionId).toList()));
    }

    @Test
    void removingIsOnceOnly() {
        LiveConnection a = connection(UserId.newId(), room, 0);
        presence.admit(a);
        assertEquals(Optional.of(a), presence.remove(a.connectionId()));
        assertEquals(Optional.empty(), presence.remove(a.connectionId()));
        assertEquals(Map.of(), presence.counts(List.of(room)));
    }

    @Test
    void connectionsThatStopBeatingAreStale() {
        LiveConnection quiet = connection(UserId.newId(), room, 0);
        LiveConnection lively = connection(UserId.newId(), room, 0);
        presence.admit(quiet);
        presence.admit(lively);
        assertTrue(presence.heartbeat(lively.connectionId(), T0.plusSeconds(30)));

        assertEquals(List.of(quiet), presence.staleSince(T0.plusSeconds(20)));
        assertEquals(false, presence.heartbeat(ConnectionId.newId(), T0));
    }

    @Test
    void aNodeBeatsForAllItsConnectionsAtOnce() {
        LiveConnection quiet = connection(UserId.newId(), room, 0);
        LiveConnection lively = connection(UserId.newId(), room, 0);
        LiveConnection other = connection(UserId.newId(), RoomId.newId(), 0);
        LiveConnection gone = connection(UserId.newId(), room, 0);
        List.of(quiet, lively, other, gone).forEach(presence::admit);
        presence.remove(gone.connectionId());

        var present = presence.heartbeatAll(List.of(lively.connectionId(), other.connectionId(), gone.connectionId()),
                T0.plusSeconds(30));

        assertEquals(java.util.Set.of(lively.connectionId(), other.connectionId()), present);
        assertEquals(List.of(quiet), presence.staleSince(T0.plusSeconds(20)));
        assertEquals(java.util.Set.of(), presence.heartbeatAll(List.of(), T0.plusSeconds(40)));
    }

    @Test
    void restoringPutsBackWhatWasLostButNeverTakesAnotherOnesSeat() {
        LiveConnection kept = connection(UserId.newId(), room, 0);
        presence.admit(kept);
        presence.remove(kept.connectionId());   // as if the shared store forgot it

        assertTrue(presence.restore(kept, T0.plusSeconds(40)));
        assertEquals(List.of(kept), presence.inRoom(room));
        assertEquals(Optional.of(kept), presence.ofUser(kept.userId()));
        assertEquals(List.of(), presence.staleSince(T0.plusSeconds(30)), "restoring beats");
        assertTrue(presence.restore(kept, T0.plusSeconds(41)), "restoring a present connection only beats");
        assertEquals(1, presence.inRoom(room).size());

        UserId lee = UserId.newId();
        LiveConnection old = connection(lee, room, 1);
        presence.admit(old);
        presence.remove(old.connectionId());
        LiveConnection newer = connection(lee, otherRoom, 2);
        presence.admit(newer);
        assertEquals(false, presence.restore(old, T0.plusSeconds(40)), "the user is live elsewhere by now");
        assertEquals(Optional.of(newer), presence.ofUser(lee));

        LiveConnection late = connection(UserId.newId(), room, 3);
        presence.admit(late);
        presence.remove(late.connectionId());
        IntStream.range(0, 3).forEach(i -> presence.admit(connection(UserId.newId(), room, 4 + i)));
        assertEquals(false, presence.restore(late, T0.plusSeconds(40)), "the room filled meanwhile");
        assertEquals(4, presence.inRoom(room).size());
    }
}
