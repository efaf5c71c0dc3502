package kr.co.stupy.studytime.testing;

import static kr.co.stupy.studytime.StudyPeriod.DAY;
import static kr.co.stupy.studytime.StudyPeriod.MONTH;
import static kr.co.stupy.studytime.StudyPeriod.WEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberTotals.MemberDayKey;
import kr.co.stupy.studytime.MemberTotals.MemberPeriodKey;
import kr.co.stupy.studytime.MemberTotals.Totals;
import kr.co.stupy.studytime.MemberTotals;
import org.junit.jupiter.api.Test;

/** What every {@link MemberTotals} promises. Extend it once per implementation. */
public abstract class AbstractMemberTotalsContract extends RollupContract<MemberTotals> {

    @Test
    void memberTotalsCapEachDayAtSixteenHoursInWeeksMonthsAndAllTime() {
        rollup.add(kim, room, days(D1, 10 * HOUR));
        rollup.add(kim, room, days(D1, 10 * HOUR, D2, HOUR));   // D1 holds 20 h: 16 count
        rollup.add(lee, room, days(D1, 100));
        rollup.add(kim, otherRoom, days(D1, HOUR));             // another room's day is capped on its own

        UserId stranger = UserId.newId();
        assertEquals(Map.of(kim, days(D1, 20 * HOUR, D2, HOUR), lee, days(D1, 100)),
                rollup.ofMemberDays(room, List.of(kim, lee, stranger), List.of(D1, D2)), "day totals are raw sums");
        assertEquals(Map.of(kim, days(D2, HOUR)), rollup.ofMemberDays(room, List.of(kim), List.of(D2)));
        assertEquals(Map.of(kim, 17 * HOUR, lee, 100L), rollup.ofMembers(room, List.of(kim, lee, stranger), Optional.of(bucket(WEEK, D1))));
        assertEquals(Map.of(kim, 16 * HOUR, lee, 100L), rollup.ofMembers(room, List.of(kim, lee), Optional.of(bucket(MONTH, D1))));
        assertEquals(Map.of(kim, HOUR), rollup.ofMembers(room, List.of(kim, lee), Optional.of(bucket(MONTH, D2))));
        assertEquals(Map.of(kim, 17 * HOUR, lee, 100L), rollup.ofMembers(room, List.of(kim, lee), Optional.empty()));
        assertEquals(Map.of(kim, HOUR), rollup.ofMembers(otherRoom, List.of(kim, lee), Optional.empty()));
        assertEquals(Map.of(lee, 100L), rollup.ofMembers(room, List.of(lee), Optional.empty()), "only the members asked for");

        rollup.add(kim, room, days(D1, -10 * HOUR));   // back under the cap: all 10 h count again
        assertEquals(Map.of(kim, 11 * HOUR), rollup.ofMembers(room, List.of(kim), Optional.of(bucket(WEEK, D2))));
        Totals stored = rollup.all();
        assertEquals(Totals.periodsOf(stored.days()), stored.periods(), "periods are the capped days summed");
        assertEquals(Map.of(new MemberDayKey(room.value(), kim.value(), D1), 10 * HOUR, new MemberDayKey(room.value(), kim.value(), D2), HOUR,
                new MemberDayKey(room.value(), lee.value(), D1), 100L, new MemberDayKey(otherRoom.value(), kim.value(), D1), HOUR),
                stored.days());
    }

    @Test
    void aDayIsReadFromItsDayTotalNotAsABucket() {
        assertThrows(IllegalArgumentException.class, () -> rollup.ofMembers(room, List.of(kim), Optional.of(bucket(DAY, D1))));
    }

    @Test
    void takingTimeBackLeavesNoEmptyTotalsBehind() {
        rollup.add(kim, room, days(D1, 600));
        rollup.add(kim, otherRoom, days(D1, 60));
        rollup.add(kim, room, days(D1, -600));

        assertEquals(Map.of(new MemberDayKey(otherRoom.value(), kim.value(), D1), 60L), rollup.all().days());
        rollup.deleteRoom(room);

        Totals left = rollup.all();
        assertEquals(Map.of(new MemberDayKey(otherRoom.value(), kim.value(), D1), 60L), left.days());
        assertEquals(Totals.periodsOf(left.days()), left.periods());
    }

    @Test
    void deletingARoomForgetsItsMembersTotals() {
        rollup.add(kim, room, days(D1, 600, D2, 30));
        rollup.add(kim, otherRoom, days(D2, 70));

        rollup.deleteRoom(room);

        assertEquals(Map.of(), rollup.ofMemberDays(room, List.of(kim), List.of(D1, D2)));
        assertEquals(Map.of(), rollup.ofMembers(room, List.of(kim), Optional.empty()));
        assertEquals(Map.of(), rollup.ofMembers(room, List.of(kim), Optional.of(bucket(WEEK, D1))));
        assertEquals(Map.of(kim, 70L), rollup.ofMembers(otherRoom, List.of(kim), Optional.of(bucket(MONTH, D2))));
        assertEquals(Map.of(new MemberDayKey(otherRoom.value(), kim.value(), D2), 70L), rollup.all().days());
    }

    @Test
    void memberTotalsAreReplacedAndReadBackAsStored() {
        rollup.add(kim, room, days(D1, 999));
        Map<MemberDayKey, Long> memberDays = Map.of(new MemberDayKey(room.value(), lee.value(), D1), 20 * HOUR,
                new MemberDayKey(room.value(), lee.value(), D2), 50L);
        Totals rebuilt = Totals.derived(memberDays);

        rollup.replaceAll(rebuilt);

        assertEquals(rebuilt, rollup.all());
        assertEquals(Map.of(lee, days(D1, 20 * HOUR, D2, 50)), rollup.ofMemberDays(room, List.of(kim, lee), List.of(D1, D2)));
        assertEquals(Map.of(lee, 16 * HOUR + 50), rollup.ofMembers(room, List.of(kim, lee), Optional.empty()));

        // Drifted period totals are kept as they are, so a rebuild can see and repair them.
        Totals drifted = new Totals(memberDays, Map.of(new MemberPeriodKey(room.value(), lee.value(), Optional.empty()), 5L));
        rollup.replaceAll(drifted);
        assertEquals(drifted, rollup.all());
        assertEquals(Map.of(lee, 5L), rollup.ofMembers(room, List.of(lee), Optional.empty()));
        assertEquals(Map.of(), rollup.ofMembers(room, List.of(lee), Optional.of(bucket(WEEK, D1))));
    }

    @Test
    void concurrentAdditionsAcrossTheCapAddUpToExactlySixteenHours() {
        int threads = 8;
        int each = 5;
        concurrently(threads, each, () -> rollup.add(kim, room, days(D1, HOUR / 2, D2, 1)));
        // 40 half hours make 20 h on D1, of which 16 count; D2 gets 40 s.
        assertEquals(Map.of(kim, days(D1, 20 * HOUR, D2, 40)), rollup.ofMemberDays(room, List.of(kim), List.of(D1, D2)));
        assertEquals(Map.of(kim, 16 * HOUR + 40), rollup.ofMembers(room, List.of(kim), Optional.of(bucket(WEEK, D1))));
        assertEquals(Map.of(kim, 16 * HOUR), rollup.ofMembers(room, List.of(kim), Optional.of(bucket(MONTH, D1))));
        assertEquals(Map.of(kim, 16 * HOUR + 40), rollup.ofMembers(room, List.of(kim), Optional.empty()));
    }
}
