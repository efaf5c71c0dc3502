package kr.co.stupy.rooms;

import kr.co.stupy.shared.testing.Parallel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RoomQuotas} implementation promises. Extend it once per implementation. */
public abstract class AbstractRoomQuotasContract {

    /** Whole milliseconds: what every store keeps of an instant. */
    protected static final Instant T0 = Instant.parse("2026-11-24T09:00:00.123Z");

    protected RoomQuotas quotas;

    protected abstract RoomQuotas createQuotas();

    @BeforeEach
    void setUpQuotas() {
        quotas = createQuotas();
    }

    @Test
    void holdsUpToTheLimitOfDistinctRooms() {
        UserId kim = UserId.newId();
        List<RoomId> rooms = IntStream.range(0, 3).mapToObj(i -> RoomId.newId()).toList();

        assertTrue(quotas.hold(kim, rooms.get(0), T0, 2).isPresent());
        assertTrue(quotas.hold(kim, rooms.get(1), T0, 2).isPresent());
        assertFalse(quotas.hold(kim, rooms.get(2), T0, 2).isPresent());
        assertTrue(quotas.hold(kim, rooms.get(0), T0, 2).isPresent(), "another hold on a held room is always granted");
        assertEquals(Set.of(rooms.get(0), rooms.get(1)), quotas.held(kim));
        assertEquals(Set.of(), quotas.held(UserId.newId()));
    }

    @Test
    void aHoldComesBackWithItsRoomTimeAndAnIdOfItsOwn() {
        UserId kim = UserId.newId();
        RoomId room = RoomId.newId();
        RoomHold first = quotas.hold(kim, room, T0, 5).orElseThrow();
        RoomHold second = quotas.hold(kim, room, T0, 5).orElseThrow();

        assertEquals(room, first.room());
        assertEquals(T0, first.takenAt());
        assertNotEquals(first.id(), second.id());
        assertEquals(Set.of(first, second), Set.copyOf(quotas.holds(kim)));
        assertEquals(List.of(), quotas.holds(UserId.newId()));
    }

    @Test
    void aRoomStopsCountingWhenItsLastHoldIsReleased() {
        UserId kim = UserId.newId();
        RoomId a = RoomId.newId();
        RoomId b = RoomId.newId();
        RoomHold one = quotas.hold(kim, a, T0, 1).orElseThrow();
        RoomHold two = quotas.hold(kim, a, T0, 1).orElseThrow();

        quotas.release(kim, one);
        assertFalse(quotas.hold(kim, b, T0, 1).isPresent(), "one hold on a is left");
        quotas.release(kim, two);
        assertTrue(quotas.hold(kim, b, T0, 1).isPresent());
        quotas.release(kim, RoomHold.take(RoomId.newId(), T0));
        quotas.release(UserId.newId(), two);
        assertEquals(Set.of(b), quotas.held(kim));
    }

    @Test
    void releasingAHoldTwiceNeverTakesAnotherWithIt() {
        UserId kim = UserId.newId();
        RoomId room = RoomId.newId();
        RoomHold leaked = quotas.hold(kim, room, T0, 5).orElseThrow();
        quotas.release(kim, leaked);
        RoomHold fresh = quotas.hold(kim, room, T0, 5).orElseThrow();

        quotas.release(kim, leaked);

        assertEquals(List.of(fresh), quotas.holds(kim));
    }

    @Test
    void anEndedMembershipGivesBackTheLatestHoldTakenNoLaterThanItsJoin() {
        UserId kim = UserId.newId();
        RoomId room = RoomId.newId();
        RoomHold older = quotas.hold(kim, room, T0.minusSeconds(60), 5).orElseThrow();
        RoomHold membership = quotas.hold(kim, room, T0, 5).orElseThrow();
        RoomHold later = quotas.hold(kim, room, T0.plusMillis(1), 5).orElseThrow();

        quotas.releaseMembership(kim, room, T0);
        assertEquals(Set.of(older, later), Set.copyOf(quotas.holds(kim)));

        quotas.releaseMembership(kim, room, T0);
        assertEquals(List.of(later), quotas.holds(kim), "then the one before it");

        quotas.releaseMembership(kim, room, T0);
        quotas.releaseMembership(kim, RoomId.newId(), T0.plusSeconds(60));
        quotas.releaseMembership(UserId.newId(), room, T0.plusSeconds(60));
        assertEquals(List.of(later), quotas.holds(kim), "a hold taken after the join is never given back for it");
    }

    @Test
    void anEndedMembershipsLastHoldFreesItsPlace() {
        UserId kim = UserId.newId();
        RoomId a = RoomId.newId();
        quotas.hold(kim, a, T0, 1).orElseThrow();

        quotas.releaseMembership(kim, a, T0.plusSeconds(1));

        assertTrue(quotas.hold(kim, RoomId.newId(), T0, 1).isPresent());
    }

    @Test
    void aClosedUserIsRefusedEveryHoldForGoodAndKeepsTheHoldsTakenBefore() {
        UserId kim = UserId.newId();
        RoomId room = RoomId.newId();
        RoomHold before = quotas.hold(kim, room, T0, 5).orElseThrow();
        assertFalse(quotas.isClosed(kim));

        quotas.close(kim);
        quotas.close(kim);

        assertTrue(quotas.isClosed(kim));
        assertEquals(Optional.empty(), quotas.hold(kim, RoomId.newId(), T0, 5));
        assertEquals(Optional.empty(), quotas.hold(kim, room, T0, 5), "not even on a room already held");
        assertEquals(List.of(before), quotas.holds(kim));
        quotas.release(kim, before);
        assertEquals(List.of(), quotas.holds(kim));
        assertEquals(Optional.empty(), quotas.hold(kim, room, T0, 5), "still closed once nothing is held");
        assertFalse(quotas.isClosed(UserId.newId()));
    }

    @Test
    void aUserWhoNeverHeldAnythingCanBeClosed() {
        UserId kim = UserId.newId();
        quotas.close(kim);
        assertEquals(Optional.empty(), quotas.hold(kim, RoomId.newId(), T0, 5));
        assertEquals(List.of(), quotas.holds(kim));
    }

    @Test
    void everyHoldRacingACloseIsEitherRefusedOrStillListedAfterIt() throws Exception {
        for (int round = 0; round < 10; round++) {
            UserId kim = UserId.newId();
            List<Optional<RoomHold>> results = Parallel.run(9, i -> {
                if (i == 0) {
                    quotas.close(kim);
                    return Optional.<RoomHold>empty();
                }
                return quotas.hold(kim, RoomId.newId(), T0, 5);
            });
            Set<RoomHold> granted = results.stream().flatMap(Optional::stream).collect(java.util.stream.Collectors.toSet());
            assertEquals(granted, Set.copyOf(quotas.holds(kim)));
            assertEquals(Optional.empty(), quotas.hold(kim, RoomId.newId(), T0, 5));
        }
    }

    @Test
    void parallelHoldsOnDifferentRoomsNeverPassTheLimit() throws Exception {
        UserId kim = UserId.newId();
        long granted = Parallel.run(20, i -> quotas.hold(kim, RoomId.newId(), T0, 5)).stream()
                .filter(Optional::isPresent).count();
        assertEquals(5, granted);
        assertEquals(5, quotas.held(kim).size());
    }

    @Test
    void parallelHoldsAndReleasesOnOneRoomBalance() throws Exception {
        UserId kim = UserId.newId();
        RoomId room = RoomId.newId();
        Parallel.run(20, i -> {
            RoomHold hold = quotas.hold(kim, room, T0, 1).orElseThrow();
            quotas.release(kim, hold);
            return i;
        });
        assertEquals(Set.of(), quotas.held(kim));
    }

    @Test
    void parallelReleasesOfOneLeakedHoldGiveBackOnlyIt() throws Exception {
        UserId kim = UserId.newId();
        RoomId room = RoomId.newId();
        RoomHold leaked = quotas.hold(kim, room, T0, 2).orElseThrow();
        RoomHold kept = quotas.hold(kim, room, T0, 2).orElseThrow();
        RoomHold other = quotas.hold(kim, RoomId.newId(), T0, 2).orElseThrow();

        Parallel.run(10, i -> {
            quotas.release(kim, leaked);
            return i;
        });

        assertEquals(Set.of(kept, other), Set.copyOf(quotas.holds(kim)));
        assertFalse(quotas.hold(kim, RoomId.newId(), T0, 2).isPresent(), "both rooms still count");
    }
}
