package kr.co.stupy.studytime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One day, one week (from Monday) or one month of study days, named by its first study day: the
 * span a period ranking covers. Study days already carry the zone and the day start (a session at
 * 04:59 on the 1st belongs to the previous day, so to the previous month), so a bucket is pure
 * calendar arithmetic on a study day. The roll-ups keep one running total per (bucket, room), so a
 * ranking reads one bucket however long the history is.
 */
public record PeriodBucket(StudyPeriod period, LocalDate firstDay) {

    /** The periods that have buckets; all time reads the rooms' own totals instead. */
    public static final List<StudyPeriod> PERIODS = List.of(StudyPeriod.DAY, StudyPeriod.WEEK, StudyPeriod.MONTH);

    public PeriodBucket {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(firstDay, "firstDay");
        if (period == StudyPeriod.ALL) {
            throw new IllegalArgumentException("all time is not kept in buckets");
        }
        if (!period.firstDayOf(firstDay).equals(firstDay)) {
            throw new IllegalArgumentException(firstDay + " does not begin a " + period.name().toLowerCase(Locale.ROOT));
        }
    }

    /** The bucket of {@code period} that holds a study day. */
    public static PeriodBucket containing(StudyPeriod period, LocalDate studyDay) {
        return new PeriodBucket(period, period.firstDayOf(studyDay));
    }

    /** Every bucket a study day's seconds count towards: its day, its week and its month. */
    public static List<PeriodBucket> allContaining(LocalDate studyDay) {
        return PERIODS.stream().map(period -> containing(period, studyDay)).toList();
    }

    /** The bucket of {@code period} running at {@code now} under {@code policy}'s zone and day start. */
    public static PeriodBucket around(StudyPeriod period, Instant now, StudyDayPolicy policy) {
        return containing(period, policy.dayOf(now));
    }

    public LocalDate lastDay() {
        return period.lastDayFrom(firstDay);
    }

    public StudyPeriod.DayRange days() {
        return new StudyPeriod.DayRange(firstDay, lastDay());
    }
}
