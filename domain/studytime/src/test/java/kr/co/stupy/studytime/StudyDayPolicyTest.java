package kr.co.stupy.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StudyDayPolicyTest {

    static final StudyDayPolicy SEOUL = StudyDayPolicy.DEFAULT;
    static final StudyDayPolicy NEW_YORK = new StudyDayPolicy(ZoneId.of("America/New_York"), LocalTime.of(5, 0));

    /** Seoul is UTC+9 all year: 05:00 KST is 20:00 UTC the day before. */
    @Test
    void aNightSessionCountsForTheDayItBegan() {
        assertEquals(LocalDate.of(2026, 11, 24), SEOUL.dayOf(Instant.parse("2026-11-24T20:00:00Z").minusSeconds(1)));
        assertEquals(LocalDate.of(2026, 11, 25), SEOUL.dayOf(Instant.parse("2026-11-24T20:00:00Z")));
        // 02:00 KST on the 25th still belongs to the 24th.
        assertEquals(LocalDate.of(2026, 11, 24), SEOUL.dayOf(Instant.parse("2026-11-24T17:00:00Z")));
    }

    @Test
    void aSessionAcrossTheDayStartIsSplit() {
        // 04:00 to 06:00 KST on the 25th: one hour for the 24th, one for the 25th.
        var split = SEOUL.split(Instant.parse("2026-11-24T19:00:00Z"), Instant.parse("2026-11-24T21:00:00Z"));
        assertEquals(Map.of(LocalDate.of(2026, 11, 24), 3600L, LocalDate.of(2026, 11, 25), 3600L), split);
    }

    @Test
    void aSessionAcrossAMonthEndAndSeveralDaysIsSplitIntoEachDay() {
        // Nov 30 23:00 KST to Dec 2 06:00 KST.
        var split = SEOUL.split(Instant.parse("2026-11-30T14:00:00Z"), Instant.parse("2026-12-01T21:00:00Z"));
        var expected = new TreeMap<LocalDate, Long>();
        expected.put(LocalDate.of(2026, 11, 30), 6 * 3600L);   // 23:00 → 05:00
        expected.put(LocalDate.of(2026, 12, 1), 24 * 3600L);   // a whole day
        expected.put(LocalDate.of(2026, 12, 2), 3600L);        // 05:00 → 06:00
        assertEquals(expected, split);
        assertEquals(31 * 3600L, split.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void studyDaysAcrossDaylightSavingAreTwentyThreeOrTwentyFiveHoursLong() {
        // US clocks spring forward on 2026-03-08 and fall back on 2026-11-01 (at 02:00 local).
        LocalDate spring = LocalDate.of(2026, 3, 7);
        LocalDate autumn = LocalDate.of(2026, 10, 31);
        assertEquals(23 * 3600L, secondsOfDay(NEW_YORK, spring));
        assertEquals(25 * 3600L, secondsOfDay(NEW_YORK, autumn));
        assertEquals(24 * 3600L, secondsOfDay(NEW_YORK, LocalDate.of(2026, 3, 9)));
    }

    @Test
    void aDayStartInsideADaylightSavingGapMovesForwardWithTheClock() {
        StudyDayPolicy twoAm = new StudyDayPolicy(ZoneId.of("America/New_York"), LocalTime.of(2, 30));
        // 02:30 does not exist on 2026-03-08: it moves forward by the length of the gap, to 03:30 EDT = 07:30 UTC.
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"), twoAm.startOf(LocalDate.of(2026, 3, 8)));
        assertEquals(LocalDate.of(2026, 3, 7), twoAm.dayOf(Instant.parse("2026-03-08T07:29:59Z")));
        assertEquals(LocalDate.of(2026, 3, 8), twoAm.dayOf(Instant.parse("2026-03-08T07:30:00Z")));
        assertEquals(24 * 3600L, twoAm.split(twoAm.startOf(LocalDate.of(2026, 3, 7)), twoAm.startOf(LocalDate.of(2026, 3, 8)))
                .get(LocalDate.of(2026, 3, 7)), "02:30 EST to 03:30 EDT is still 24 real hours");
    }

    @Test
    void theTimeZoneChangesWhichDayAnInstantBelongsTo() {
        Instant instant = Instant.parse("2026-11-24T12:00:00Z");
        assertEquals(LocalDate.of(2026, 11, 24), SEOUL.dayOf(instant));                       // 21:00 KST
        assertEquals(LocalDate.of(2026, 11, 24), SEOUL.inZone(ZoneId.of("UTC")).dayOf(instant)); // 12:00 UTC
        assertEquals(LocalDate.of(2026, 11, 23), NEW_YORK.dayOf(Instant.parse("2026-11-24T09:59:59Z"))); // 04:59 EST
    }

    private static long secondsOfDay(StudyDayPolicy policy, LocalDate day) {
        var split = policy.split(policy.startOf(day), policy.startOf(day.plusDays(1)));
        assertEquals(1, split.size());
        return split.get(day);
    }
}
