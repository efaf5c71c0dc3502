package kr.co.stupy.studytime.testing;

import static kr.co.stupy.studytime.StudyPeriod.DAY;
import static kr.co.stupy.studytime.StudyPeriod.MONTH;
import static kr.co.stupy.studytime.StudyPeriod.WEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.RoomPeriodTotals.BucketKey;
import kr.co.stupy.studytime.RoomPeriodTotals.RoomDay;
import kr.co.stupy.studytime.RoomPeriodTotals.Totals;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.StudyPeriod;
import org.junit.jupiter.api.Test;

/** What every {@link RoomPeriodTotals} promises. Extend it once per implementation. */
public abstract class AbstractRoomPeriodTotalsContract extends RollupContract<RoomPeriodTotals> {

    @Test
    void periodBucketsSumEachRoomOverItsDayWeekAndMonth() {
        rollup.add(room, days(D1, 600, D2, 120));
        rollup.add(room, days(D2, 80));
        rollup.add(otherRoom, days(D1, 5));
        rollup.add(otherRoom, days(D1.minusDays(1), 40));   // the Sunday before: the week before, still November

        assertEquals(Map.of(room, 600L, otherRoom, 5L), rollup.ofRooms(bucket(DAY, D1)));
        assertEquals(Map.of(room, 200L), rollup.ofRooms(bucket(DAY, D2)));
        assertEquals(Map.of(room, 800L, otherRoom, 5L), rollup.ofRooms(bucket(WEEK, D2)));
        assertEquals(Map.of(otherRoom, 40L), rollup.ofRooms(bucket(WEEK, D1.minusDays(1))));
        assertEquals(Map.of(room, 600L, otherRoom, 45L), rollup.ofRooms(bucket(MONTH, D1)));
        assertEquals(Map.of(room, 200L), rollup.ofRooms(bucket(MONTH, D2)));
        assertEquals(Map.of(), rollup.ofRooms(bucket(MONTH, D2.plusMonths(1))));
        assertEquals(Totals.bucketsOf(rollup.all().days()), rollup.all().buckets(), "buckets are the room-day totals summed");
    }

    @Test
    void aPageOfRoomsReadsItsDayTotalsOnly() {
        rollup.add(room, days(D1, 600, D2, 120));
        rollup.add(otherRoom, days(D1, 5));
        rollup.add(kr.co.stupy.shared.RoomId.newId(), days(D1, 70));

        assertEquals(Map.of(room, 600L, otherRoom, 5L), rollup.onDay(D1, List.of(room, otherRoom)));
        assertEquals(Map.of(room, 120L), rollup.onDay(D2, List.of(room, otherRoom)));
        assertEquals(Map.of(), rollup.onDay(D2.plusDays(1), List.of(room, otherRoom)));
        assertEquals(Map.of(), rollup.onDay(D1, List.of()));
    }

    @Test
    void takingTimeBackLeavesNoEmptyTotalsBehind() {
        rollup.add(room, days(D1, 600));
        rollup.add(otherRoom, days(D1, 60));
        rollup.add(room, days(D1, -600));

        assertEquals(Map.of(otherRoom, 60L), rollup.ofRooms(bucket(DAY, D1)));
        rollup.deleteRoom(room);

        assertEquals(Map.of(otherRoom, 60L), rollup.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(new RoomDay(otherRoom.value(), D1), 60L), rollup.all().days());
    }

    @Test
    void deletingARoomTakesItOutOfEveryBucket() {
        rollup.add(room, days(D1, 600, D2, 30));
        rollup.add(otherRoom, days(D2, 70));

        rollup.deleteRoom(room);

        for (LocalDate day : List.of(D1, D2)) {
            for (StudyPeriod period : PeriodBucket.PERIODS) {
                assertFalse(rollup.ofRooms(bucket(period, day)).containsKey(room), period + " of " + day);
            }
        }
        assertEquals(Map.of(otherRoom, 70L), rollup.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(new BucketKey(bucket(DAY, D2), otherRoom.value()), 70L, new BucketKey(bucket(WEEK, D2), otherRoom.value()), 70L,
                new BucketKey(bucket(MONTH, D2), otherRoom.value()), 70L), rollup.all().buckets());
    }

    @Test
    void replacingEverythingIsWhatIsReadBack() {
        rollup.add(room, days(D1, 999));
        Totals rebuilt = Totals.derived(Map.of(new RoomDay(room.value(), D1), 10L, new RoomDay(otherRoom.value(), D2), 70L));

        rollup.replaceAll(rebuilt);

        assertEquals(rebuilt, rollup.all());
        assertEquals(Map.of(room, 10L, otherRoom, 70L), rollup.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(otherRoom, 70L), rollup.ofRooms(bucket(MONTH, D2)));
        assertEquals(Map.of(room, 10L), rollup.ofRooms(bucket(DAY, D1)));
    }

    @Test
    void bucketsAreStoredAndReadBackAsTheyAreNotDerivedOnReading() {
        // A rebuild can only repair buckets that drifted from the day totals if it reads them as stored.
        Totals drifted = new Totals(Map.of(new RoomDay(room.value(), D1), 10L), Map.of(new BucketKey(bucket(WEEK, D1), room.value()), 99L));

        rollup.replaceAll(drifted);

        assertEquals(drifted, rollup.all());
        assertEquals(Map.of(room, 99L), rollup.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(), rollup.ofRooms(bucket(DAY, D1)));
    }

    @Test
    void concurrentAdditionsAreNeverLost() {
        int threads = 8;
        int each = 25;
        concurrently(threads, each, () -> rollup.add(room, days(D1, 1, D2, 2)));
        assertEquals(Map.of(room, 3L * threads * each), rollup.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(room, 2L * threads * each), rollup.ofRooms(bucket(MONTH, D2)));
        assertEquals(Map.of(new RoomDay(room.value(), D1), (long) threads * each, new RoomDay(room.value(), D2), 2L * threads * each),
                rollup.all().days());
    }
}
