package kr.co.stupy.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = IntStream.range(0, 20).mapToObj(i -> pool.submit(() -> {
                start.await();
                if (quotas.hold(kim, RoomId.newId(), 5)) {
                    granted.incrementAndGet();
                }
                return null;
            })).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        assertEquals(5, granted.get());
        assertEquals(5, quotas.held(kim).size());
    }

    @Test
    void parallelHoldsAndReleasesOnOneRoomBalance() throws Exception {
        UserId kim = UserId.newId();
        RoomId room = RoomId.newId();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = IntStream.range(0, 20).mapToObj(i -> pool.submit(() -> {
                start.await();
                assertTrue(quotas.hold(kim, room, 1));
                quotas.release(kim, room);
                return null;
            })).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        assertEquals(Set.of(), quotas.held(kim));
    }
}
