package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * One person's statistics over the study days {@code [from, to]}: seconds per day (sixteen hours at
 * most), their total, and streaks. A day counts for a streak when any study counted on it.
 * <ul>
 *   <li>{@code currentStreakDays}: the run of study days that ends today, or yesterday while today has
 *       nothing yet (the day is not over), looking back as far as the history goes; 0 when neither
 *       today nor yesterday has study. It does not depend on {@code from}/{@code to}.</li>
 *   <li>{@code longestStreakDays}: the longest run of study days inside {@code [from, to]}.</li>
 * </ul>
 */
public record StudyStats(List<Day> days, long totalSeconds, int currentStreakDays, int longestStreakDays) {

    /** How far back one read for the current streak reaches; a longer streak reads again. */
    static final int STREAK_CHUNK_DAYS = 366;
    /** Nobody studied on Stupy before this; the look-back for a streak stops here. */
    static final LocalDate HISTORY_BEGINS = LocalDate.of(2000, 1, 1);

    public record Day(LocalDate date, long seconds) {
        public Day {
            Objects.requireNonNull(date, "date");
            if (seconds < 0 || seconds > StudyRules.MAX_PER_DAY.toSeconds()) {
                throw new IllegalArgumentException("a day holds 0 to 16 hours");
            }
        }
    }

    public StudyStats {
        days = List.copyOf(days);
    }

    /**
     * @param history summed (uncapped) seconds per study day for the days asked for, first and last
     *                included; it is asked for {@code [from, to]} and then, backwards in chunks, for the
     *                current streak
     * @param today   the study day it is now, in the same zone and day start as the history
     */
    public static StudyStats of(LocalDate from, LocalDate to, LocalDate today,
                                BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> history) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from is after to");
        }
        SortedMap<LocalDate, Long> inRange = history.apply(from, to);
        List<Day> days = new ArrayList<>();
        long total = 0;
        int run = 0;
        int longest = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long seconds = capped(inRange.get(day));
            days.add(new Day(day, seconds));
            total += seconds;
            run = seconds > 0 ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return new StudyStats(days, total, currentStreak(today, history), longest);
    }

    /** Consecutive study days ending today, or ending yesterday when today has nothing yet. */
    static int currentStreak(LocalDate today, BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> history) {
        return streak(today, HISTORY_BEGINS, history, (day, seconds) -> seconds > 0);
    }

    /**
     * Consecutive days ending today that {@code count} (given each day's capped seconds), or ending
     * yesterday while today does not count yet (the day is not over, so it does not break the run), never
     * before {@code floor}. The history is read back from today a chunk at a time, only as far as the run goes.
     */
    public static int streak(LocalDate today, LocalDate floor, BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> history,
                             BiPredicate<LocalDate, Long> count) {
        int streak = 0;
        LocalDate chunkLast = today;
        boolean first = true;
        while (!chunkLast.isBefore(floor)) {
            LocalDate chunkFirst = chunkLast.minusDays(STREAK_CHUNK_DAYS - 1);
            chunkFirst = chunkFirst.isBefore(floor) ? floor : chunkFirst;
            Map<LocalDate, Long> chunk = history.apply(chunkFirst, chunkLast);
            LocalDate day = chunkLast;
            if (first && !count.test(today, capped(chunk.get(today)))) {
                day = today.minusDays(1);   // today is not over: a streak that reached yesterday is still alive
            }
            first = false;
            for (; !day.isBefore(chunkFirst); day = day.minusDays(1)) {
                if (!count.test(day, capped(chunk.get(day)))) {
                    return streak;
                }
                streak++;
            }
            chunkLast = chunkFirst.minusDays(1);
        }
        return streak;
    }

    private static long capped(Long seconds) {
        return seconds == null ? 0 : Math.clamp(seconds, 0, StudyRules.MAX_PER_DAY.toSeconds());
    }
}
