package kr.co.stupy.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeriodBucketTest {

    static final StudyDayPolicy SEOUL = StudyDayPolicy.DEFAULT;
    static final StudyDayPolicy UTC = new StudyDayPolicy(ZoneId.of("UTC"), LocalTime.of(5, 0));

    static PeriodBucket bucket(StudyPeriod period, String firstDay) {
        return new PeriodBucket(period, LocalDate.parse(firstDay));
    }

    @Test
    void aStudyDayBelongsToItsDayItsWeekFromMondayAndItsMonth() {
        // Sunday the 29th of November 2026: the week began on Monday the 23rd.
        assertEquals(List.of(bucket(StudyPeriod.DAY, "2026-11-29"), bucket(StudyPeriod.WEEK, "2026-11-23"),
                bucket(StudyPeriod.MONTH, "2026-11-01")), PeriodBucket.allContaining(LocalDate.parse("2026-11-29")));
        // A week across a month's end is one week bucket, while its days fall into two month buckets.
        assertEquals(bucket(StudyPeriod.WEEK, "2026-12-28"), PeriodBucket.containing(StudyPeriod.WEEK, LocalDate.parse("2027-01-03")));
        assertEquals(bucket(StudyPeriod.MONTH, "2027-01-01"), PeriodBucket.containing(StudyPeriod.MONTH, LocalDate.parse("2027-01-03")));
        assertEquals(new StudyPeriod.DayRange(LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-03")),
                bucket(StudyPeriod.WEEK, "2026-12-28").days());
        assertEquals(LocalDate.parse("2028-02-29"), bucket(StudyPeriod.MONTH, "2028-02-01").lastDay());
    }

    @Test
    void theDayStartDecidesTheBucketOfAnEarlyMorning() {
        // Monday the 30th of November, 04:59 in Seoul, is still Sunday's study day: last week, November.
        Instant beforeDayStart = Instant.parse("2026-11-29T19:59:00Z");
        assertEquals(bucket(StudyPeriod.DAY, "2026-11-29"), PeriodBucket.around(StudyPeriod.DAY, beforeDayStart, SEOUL));
        assertEquals(bucket(StudyPeriod.WEEK, "2026-11-23"), PeriodBucket.around(StudyPeriod.WEEK, beforeDayStart, SEOUL));
        Instant atDayStart = Instant.parse("2026-11-29T20:00:00Z");
        assertEquals(bucket(StudyPeriod.WEEK, "2026-11-30"), PeriodBucket.around(StudyPeriod.WEEK, atDayStart, SEOUL));

        // The 1st of December, 04:30 in Seoul, is still November's last study day.
        Instant earlyFirst = Instant.parse("2026-11-30T19:30:00Z");
        assertEquals(bucket(StudyPeriod.MONTH, "2026-11-01"), PeriodBucket.around(StudyPeriod.MONTH, earlyFirst, SEOUL));
        assertEquals(bucket(StudyPeriod.MONTH, "2026-12-01"), PeriodBucket.around(StudyPeriod.MONTH, earlyFirst.plusSeconds(1800), SEOUL));
    }

    @Test
    void theZoneDecidesTheBucketOfAnInstant() {
        // 05:30 on the 1st of December in Seoul is 20:30 on the 30th of November in UTC.
        Instant instant = Instant.parse("2026-11-30T20:30:00Z");
        assertEquals(bucket(StudyPeriod.MONTH, "2026-12-01"), PeriodBucket.around(StudyPeriod.MONTH, instant, SEOUL));
        assertEquals(bucket(StudyPeriod.MONTH, "2026-11-01"), PeriodBucket.around(StudyPeriod.MONTH, instant, UTC));
        assertEquals(bucket(StudyPeriod.DAY, "2026-11-30"), PeriodBucket.around(StudyPeriod.DAY, instant, UTC));
    }

    @Test
    void aDaylightSavingGapMovesTheDayStartNotTheBucket() {
        // New York skips 02:00-03:00 on Sunday the 8th of March 2026; a 02:30 day start falls into the gap and becomes 03:30 EDT.
        StudyDayPolicy newYork = new StudyDayPolicy(ZoneId.of("America/New_York"), LocalTime.of(2, 30));
        Instant justBefore = Instant.parse("2026-03-08T07:29:59Z");   // 03:29:59 EDT
        assertEquals(bucket(StudyPeriod.DAY, "2026-03-07"), PeriodBucket.around(StudyPeriod.DAY, justBefore, newYork));
        assertEquals(bucket(StudyPeriod.DAY, "2026-03-08"), PeriodBucket.around(StudyPeriod.DAY, justBefore.plusSeconds(1), newYork));
        assertEquals(bucket(StudyPeriod.WEEK, "2026-03-02"), PeriodBucket.around(StudyPeriod.WEEK, justBefore.plusSeconds(1), newYork));
    }

    @Test
    void aBucketIsNamedByItsFirstDayAndAllTimeHasNone() {
        assertThrows(IllegalArgumentException.class, () -> bucket(StudyPeriod.WEEK, "2026-11-24"));
        assertThrows(IllegalArgumentException.class, () -> bucket(StudyPeriod.MONTH, "2026-11-02"));
        assertThrows(IllegalArgumentException.class, () -> bucket(StudyPeriod.ALL, "2026-11-01"));
        assertEquals(LocalDate.parse("2026-11-24"), bucket(StudyPeriod.DAY, "2026-11-24").lastDay());
    }

    @Test
    void theLeaderboardSpanIsTheBucketsDays() {
        // 21:00 on Tuesday the 24th of November 2026 in Seoul. StudyPeriod.around is built on the buckets,
        // so both are checked against the days written out, not against each other.
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        Map<StudyPeriod, StudyPeriod.DayRange> expected = Map.of(
                StudyPeriod.DAY, range("2026-11-24", "2026-11-24"),
                StudyPeriod.WEEK, range("2026-11-23", "2026-11-29"),
                StudyPeriod.MONTH, range("2026-11-01", "2026-11-30"));
        for (StudyPeriod period : PeriodBucket.PERIODS) {
            assertEquals(expected.get(period), PeriodBucket.around(period, now, SEOUL).days(), period.name());
            assertEquals(Optional.of(expected.get(period)), period.around(now, SEOUL), period.name());
        }
        assertEquals(Optional.empty(), StudyPeriod.ALL.around(now, SEOUL));
    }

    private static StudyPeriod.DayRange range(String first, String last) {
        return new StudyPeriod.DayRange(LocalDate.parse(first), LocalDate.parse(last));
    }
}
