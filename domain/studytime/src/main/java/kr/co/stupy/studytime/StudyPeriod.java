package kr.co.stupy.studytime;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** The spans a leaderboard or ranking covers: today, this week (from Monday), this month, or all time. */
public enum StudyPeriod {
    DAY, WEEK, MONTH, ALL;

    /** A half-open span of study days {@code [firstDay, lastDay]} containing {@code now}; empty for ALL. */
    public Optional<DayRange> around(Instant now, StudyDayPolicy policy) {
        return this == ALL ? Optional.empty() : Optional.of(PeriodBucket.containing(this, policy.dayOf(now)).days());
    }

    /** The first study day of this period's span holding {@code studyDay}: itself, its week's Monday, or its month's 1st. */
    public LocalDate firstDayOf(LocalDate studyDay) {
        return switch (this) {
            case DAY -> studyDay;
            case WEEK -> studyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> studyDay.withDayOfMonth(1);
            case ALL -> throw new IllegalArgumentException("all time has no first day");
        };
    }

    /** The last study day of the span that begins on {@code firstDay} (as {@link #firstDayOf} gives it). */
    LocalDate lastDayFrom(LocalDate firstDay) {
        return switch (this) {
            case DAY -> firstDay;
            case WEEK -> firstDay.plusDays(6);
            case MONTH -> firstDay.with(TemporalAdjusters.lastDayOfMonth());
            case ALL -> throw new IllegalArgumentException("all time has no last day");
        };
    }

    public static Optional<StudyPeriod> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Study days from {@code first} to {@code last}, both included. */
    public record DayRange(LocalDate first, LocalDate last) {
        public DayRange {
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("a range ends after it starts");
            }
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }

        public Instant start(StudyDayPolicy policy) {
            return policy.startOf(first);
        }

        public Instant end(StudyDayPolicy policy) {
            return policy.startOf(last.plusDays(1));
        }
    }
}
