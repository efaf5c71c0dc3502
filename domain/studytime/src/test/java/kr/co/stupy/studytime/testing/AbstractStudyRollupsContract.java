package kr.co.stupy.studytime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudyRollups.DayKey;
import kr.co.stupy.studytime.StudyRollups.Totals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StudyRollups} promises. Extend it once per implementation. */
public abstract class AbstractStudyRollupsContract {

    protected static final LocalDate D1 = LocalDate.of(2026, 11, 30);
    protected static final LocalDate D2 = LocalDate.of(2026, 12, 1);
    protected StudyRollups rollups;
    protected final UserId kim = UserId.newId();
    protected final UserId lee = UserId.newId();
    protected final RoomId room = RoomId.newId();
    protected final RoomId otherRoom = RoomId.newId();

    protected abstract StudyRollups createRollups();

    @BeforeEach
    void setUpRollups() {
        rollups = createRollups();
    }

    private static TreeMap<LocalDate, Long> days(Object... dayAndSeconds) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        for (int i = 0; i < dayAndSeconds.length; i += 2) {
            days.put((LocalDate) dayAndSeconds[i], ((Number) dayAndSeconds[i + 1]).longValue());
        }
        return days;
    }

    @Test
    void sessionsAddUpPerUserAndDayAcrossRooms() {
        rollups.add(kim, room, days(D1, 600, D2, 120));
        rollups.add(kim, otherRoom, days(D2, 30));
        rollups.add(lee, room, days(D1, 50));

        assertEquals(days(D1, 600, D2, 150), rollups.ofUser(kim, D1, D2));
        assertEquals(days(D2, 150), rollups.ofUser(kim, D2, D2.plusDays(5)));
        assertEquals(days(D1, 50), rollups.ofUser(lee, D1.minusDays(400), D2));
        assertEquals(days(), rollups.ofUser(UserId.newId(), D1, D2));
    }

    @Test
    void roomsAreSummedOverTheDaysAskedFor() {
        rollups.add(kim, room, days(D1, 600, D2, 120));
        rollups.add(lee, room, days(D2, 80));
        rollups.add(lee, otherRoom, days(D1, 5));

        assertEquals(Map.of(room, 800L, otherRoom, 5L), rollups.ofRooms(D1, D2));
        assertEquals(Map.of(room, 200L), rollups.ofRooms(D2, D2));
        assertEquals(Map.of(), rollups.ofRooms(D2.plusDays(1), D2.plusDays(30)));
    }

    @Test
    void takingTimeBackLeavesNoEmptyTotalsBehind() {
        rollups.add(kim, room, days(D1, 600));
        rollups.add(kim, otherRoom, days(D1, 60));
        rollups.add(kim, room, days(D1, -600));
        rollups.deleteRoom(room);

        assertEquals(days(D1, 60), rollups.ofUser(kim, D1, D1));
        assertEquals(Map.of(otherRoom, 60L), rollups.ofRooms(D1, D2));
        assertEquals(new Totals(Map.of(new DayKey(kim.value(), D1), 60L), Map.of(new DayKey(otherRoom.value(), D1), 60L)),
                rollups.all());
    }

    @Test
    void replacingEverythingIsWhatIsReadBack() {
        rollups.add(kim, room, days(D1, 999));
        Totals rebuilt = new Totals(Map.of(new DayKey(lee.value(), D2), 70L, new DayKey(kim.value(), D1), 10L),
                Map.of(new DayKey(room.value(), D1), 10L, new DayKey(otherRoom.value(), D2), 70L));

        rollups.replaceAll(rebuilt);

        assertEquals(rebuilt, rollups.all());
        assertEquals(days(D1, 10), rollups.ofUser(kim, D1, D2));
        assertEquals(Map.of(room, 10L, otherRoom, 70L), rollups.ofRooms(D1, D2));
    }

    @Test
    void concurrentAdditionsAreNeverLost() throws Exception {
        int threads = 8;
        int each = 25;
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        rollups.add(kim, room, days(D1, 1, D2, 2));
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertEquals(days(D1, threads * each, D2, 2 * threads * each), rollups.ofUser(kim, D1, D2));
        assertEquals(Map.of(room, 3L * threads * each), rollups.ofRooms(D1, D2));
    }
}
