package kr.co.stupy.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

/** Statistics from per-day totals, checked against the same sessions computed by {@link DailyStudy}. */
class StudyStatsTest {

    static final StudyDayPolicy SEOUL = StudyDayPolicy.DEFAULT;
    static final StudyDayPolicy NEW_YORK = new StudyDayPolicy(ZoneId.of("America/New_York"), LocalTime.of(5, 0));
    final UserId kim = UserId.newId();
    final RoomId room = RoomId.newId();
    final List<StudySession> sessions = new ArrayList<>();

    private void studied(String from, String to) {
        Instant start = Instant.parse(from);
        sessions.add(new StudySession(Ids.newId(start), kim, room, start, Instant.parse(to), Optional.of(Instant.parse(to))));
    }

    /** The history a roll-up store would answer: raw day pieces of every finished session, summed. */
    private BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> rollups(StudyDayPolicy policy) {
        SortedMap<LocalDate, Long> all = new TreeMap<>();
        sessions.forEach(s -> StudyRollups.piecesOf(s, policy).forEach((day, seconds) -> all.merge(day, seconds, Long::sum)));
        return (first, last) -> new TreeMap<>(all.subMap(first, last.plusDays(1)));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void aNightSessionCountsForTheDayItBeganAndIsSplitAtTheDayStart() {
        // Nov 30 23:00 KST → Dec 1 06:00 KST: six hours for Nov 30 (until 05:00), one for Dec 1.
        studied("2026-11-30T14:00:00Z", "2026-11-30T21:00:00Z");

        StudyStats stats = StudyStats.of(d("2026-11-29"), d("2026-12-02"), d("2026-12-02"), rollups(SEOUL));

        assertEquals(List.of(new StudyStats.Day(d("2026-11-29"), 0), new StudyStats.Day(d("2026-11-30"), 6 * 3600),
                new StudyStats.Day(d("2026-12-01"), 3600), new StudyStats.Day(d("2026-12-02"), 0)), stats.days());
        assertEquals(7 * 3600, stats.totalSeconds());
        assertEquals(2, stats.longestStreakDays());
        assertEquals(2, stats.currentStreakDays(), "today (Dec 2) has nothing yet, so the run that ends yesterday counts");
    }

    @Test
    void aDayNeverHoldsMoreThanSixteenHoursAndTheFiguresMatchTheLeaderboardComputation() {
        // Two long sessions on Nov 10 KST (05:00 → 17:00 and 17:00 → 03:00 next morning, still Nov 10): 22 h.
        studied("2026-11-09T20:00:00Z", "2026-11-10T08:00:00Z");
        studied("2026-11-10T08:00:00Z", "2026-11-10T18:00:00Z");
        studied("2026-11-11T00:00:00Z", "2026-11-11T00:00:04Z");   // four seconds: not study

        StudyStats stats = StudyStats.of(d("2026-11-01"), d("2026-11-30"), d("2026-11-30"), rollups(SEOUL));

        DailyStudy fromSessions = DailyStudy.of(sessions, SEOUL, Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(16 * 3600, stats.days().get(9).seconds());
        assertEquals(fromSessions.total(), stats.totalSeconds());
        assertEquals(0, stats.days().get(10).seconds());
        assertEquals(30, stats.days().size());
    }

    @Test
    void theCurrentStreakEndsTodayOrYesterdayAndRunsAcrossMonthAndYearEnds() {
        // Study every day from Dec 28, 2026 to Jan 2, 2027 (KST days), an hour each at 20:00 KST.
        for (LocalDate day = d("2026-12-28"); !day.isAfter(d("2027-01-02")); day = day.plusDays(1)) {
            Instant start = day.atTime(20, 0).atZone(SEOUL.zone()).toInstant();
            studied(start.toString(), start.plusSeconds(3600).toString());
        }
        var history = rollups(SEOUL);

        // Jan 2 is today and has study: six days. Jan 3 is today without study yet: still six, from yesterday.
        assertEquals(6, StudyStats.of(d("2027-01-01"), d("2027-01-02"), d("2027-01-02"), history).currentStreakDays());
        assertEquals(6, StudyStats.of(d("2027-01-01"), d("2027-01-03"), d("2027-01-03"), history).currentStreakDays());
        // Jan 4: yesterday was empty, the streak is broken.
        assertEquals(0, StudyStats.of(d("2027-01-01"), d("2027-01-04"), d("2027-01-04"), history).currentStreakDays());
        // The longest streak counts only days inside the range asked for.
        assertEquals(6, StudyStats.of(d("2026-12-01"), d("2027-01-31"), d("2027-01-03"), history).longestStreakDays());
        assertEquals(2, StudyStats.of(d("2027-01-01"), d("2027-01-31"), d("2027-01-03"), history).longestStreakDays());
    }

    @Test
    void aStreakLongerThanOneLookBackChunkIsCountedWhole() {
        LocalDate today = d("2026-11-24");
        SortedMap<LocalDate, Long> everyDay = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            everyDay.put(today.minusDays(i), 60L);
        }
        List<LocalDate[]> reads = new ArrayList<>();
        StudyStats stats = StudyStats.of(today.minusDays(6), today, today, (first, last) -> {
            reads.add(new LocalDate[] {first, last});
            return new TreeMap<>(everyDay.subMap(first, last.plusDays(1)));
        });
        assertEquals(500, stats.currentStreakDays());
        assertEquals(7, stats.longestStreakDays());
        assertEquals(3, reads.size(), "the range, then two chunks of 366 days back");
    }

    @Test
    void theDayStartMovesASessionIntoTheDayBefore() {
        // 03:00 to 04:30 KST on Nov 5 is Nov 4's study with a 05:00 day start, Nov 5's with a midnight start.
        studied("2026-11-04T18:00:00Z", "2026-11-04T19:30:00Z");
        StudyDayPolicy midnight = new StudyDayPolicy(SEOUL.zone(), LocalTime.MIDNIGHT);

        assertEquals(5400, StudyStats.of(d("2026-11-04"), d("2026-11-04"), d("2026-11-05"), rollups(SEOUL)).totalSeconds());
        assertEquals(0, StudyStats.of(d("2026-11-04"), d("2026-11-04"), d("2026-11-05"), rollups(midnight)).totalSeconds());
        assertEquals(5400, StudyStats.of(d("2026-11-05"), d("2026-11-05"), d("2026-11-05"), rollups(midnight)).totalSeconds());
    }

    @Test
    void aStudyDayAcrossTheAutumnClockChangeHoldsItsTwentyFiveHours() {
        // New York falls back on Nov 1, 2026 at 02:00: the study day Oct 31 (05:00 EDT → Nov 1 05:00 EST) is 25 h long.
        // One session across the whole day: it counts 16 h (the cap), and the next day starts at 05:00 EST = 10:00 UTC.
        studied("2026-10-31T09:00:00Z", "2026-11-01T10:00:00Z");
        studied("2026-11-01T10:00:00Z", "2026-11-01T10:30:00Z");

        StudyStats stats = StudyStats.of(d("2026-10-31"), d("2026-11-01"), d("2026-11-01"), rollups(NEW_YORK));

        assertEquals(List.of(new StudyStats.Day(d("2026-10-31"), 16 * 3600), new StudyStats.Day(d("2026-11-01"), 1800)),
                stats.days());
        assertEquals(2, stats.currentStreakDays());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> StudyStats.of(d("2026-11-02"), d("2026-11-01"), d("2026-11-02"), rollups(SEOUL)));
    }
}
