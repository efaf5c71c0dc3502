package kr.co.stupy.rooms;

import kr.co.stupy.shared.testing.Parallel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RoomQuotas} implementation promises. Extend it once per implementation. */
public abstract class AbstractRoomQuotasContract {

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

        assertTrue(quotas.hold(kim, rooms.get(0), 2));
        assertTrue(quotas.hold(kim, rooms.get(1), 2));
        assertFalse(quotas.hold(kim, rooms.get(2), 2));
        assertTrue(quotas.hold(kim, rooms.get(0), 2), "another hold on a held room is always granted");
        assertEquals(Set.of(rooms.get(0), rooms.get(1)), quotas.held(kim));
        assertEquals(Set.of(), quotas.held(UserId.newId()));
    }

    @Test
    void aRoomStopsCountingWhenItsLastHoldIsReleased() {
        UserId kim = UserId.newId();
        RoomId a = RoomId.newId();
        RoomId b = RoomId.newId();
        quotas.hold(kim, a, 1);
        quotas.hold(kim, a, 1);

        quotas.release(kim, a);
        assertFalse(quotas.hold(kim, b, 1), "one hold on a is left");
        quotas.release(kim, a);
        assertTrue(quotas.hold(kim, b, 1));
        quotas.release(kim, RoomId.newId());
        quotas.release(UserId.newId(), a);
        assertEquals(Set.of(b), quotas.held(kim));
    }

    @Test
    void forgettingAUserDropsEveryHold() {
        UserId kim = UserId.newId();
        quotas.hold(kim, RoomId.newId(), 5);
        quotas.forget(kim);
        assertEquals(Set.of(), quotas.held(kim));
    }

    @Test
    void parallelHoldsOnDifferentRoomsNeverPassTheLimit() throws Exception {
        UserId kim = UserId.newId();
        long granted = Parallel.run(20, i -> quotas.hold(kim, RoomId.newId(), 5)).stream().filter(held -> held).count();
        assertEquals(5, granted);
        assertEquals(5, quotas.held(kim).size());
    }

    @Test
    void parallelHoldsAndReleasesOnOneRoomBalance() throws Exception {
        UserId kim = UserId.newId();
        RoomId room = RoomId.newId();
        Parallel.run(20, i -> {
            assertTrue(quotas.hold(kim, room, 1));
            quotas.release(kim, room);
            return i;
        });
        assertEquals(Set.of(), quotas.held(kim));
    }
}
