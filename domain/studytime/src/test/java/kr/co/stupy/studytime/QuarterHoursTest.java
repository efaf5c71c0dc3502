package kr.co.stupy.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuarterHoursTest {

    /** 23:50:00.3 UTC on the 30th for half an hour: quarters under the 30th and the 1st, the correction under the 30th. */
    static final Instant LATE = Instant.parse("2026-11-30T23:50:00.300Z");
    static final QuarterHours ACROSS_MIDNIGHT = QuarterHours.of(LATE, LATE.plusSeconds(1800));
    static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    @Test
    void quartersAreStoredUnderTheirUtcDatesAndACorrectionUnderItsFirstQuarters() {
        assertEquals(List.of(NOV_30, DEC_1), List.copyOf(ACROSS_MIDNIGHT.utcDates()));
        QuarterHours first = ACROSS_MIDNIGHT.storedUnder(NOV_30, NOV_30);
        assertEquals(Map.of(Instant.parse("2026-11-30T23:45:00Z"), 599L), first.seconds());
        assertEquals(ACROSS_MIDNIGHT.corrections(), first.corrections());
        QuarterHours second = ACROSS_MIDNIGHT.storedUnder(DEC_1, DEC_1.plusDays(9));
        assertEquals(Map.of(Instant.parse("2026-12-01T00:00:00Z"), 900L, Instant.parse("2026-12-01T00:15:00Z"), 300L), second.seconds());
        assertEquals(Map.of(), second.corrections());
        assertEquals(ACROSS_MIDNIGHT, first.plus(second));
        assertEquals(QuarterHours.NONE, ACROSS_MIDNIGHT.storedUnder(DEC_1.plusDays(1), DEC_1.plusDays(1)));
    }

    @Test
    void allTimeByDayFindsEveryDayItsQuartersFallIn() {
        StudyDayPolicy seoul = StudyDayPolicy.DEFAULT;
        QuarterHours twoYears = ACROSS_MIDNIGHT.plus(QuarterHours.of(Instant.parse("2024-11-30T20:00:00Z"), Instant.parse("2024-11-30T20:30:00Z")));
        // In Seoul: 05:00 to 05:30 on 1 December 2024, and 08:50:00.3 to 09:20:00.3 on 1 December 2026.
        TreeMap<LocalDate, Long> expected = new TreeMap<>(Map.of(LocalDate.of(2024, 12, 1), 1800L, DEC_1, 1800L));
        assertEquals(Optional.of(expected), twoYears.allByDay(seoul));
        assertEquals(expected, twoYears.byDay(seoul, LocalDate.of(2024, 1, 1), DEC_1));
        assertEquals(Optional.of(new TreeMap<>()), QuarterHours.NONE.allByDay(seoul));
        assertEquals(Optional.empty(), twoYears.allByDay(new StudyDayPolicy(ZoneId.of("Asia/Seoul"), LocalTime.of(5, 10))),
                "a day start off the quarter hours cannot be answered from quarters");
    }

    @Test
    void sumsAddSessionsPerOwnerAsPlusWouldAndLeaveOutWhatSummedToNothing() {
        QuarterHours.Sums<String> sums = new QuarterHours.Sums<>();
        QuarterHours minute = QuarterHours.of(LATE, LATE.plusSeconds(60));
        sums.add("kim", ACROSS_MIDNIGHT);
        sums.add("kim", minute);
        sums.add("lee", minute);
        sums.add("lee", minute.negated());
        sums.add("park", QuarterHours.NONE);
        assertEquals(Map.of("kim", ACROSS_MIDNIGHT.plus(minute)), sums.totals());
    }
}
