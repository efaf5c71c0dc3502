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
        LocalDate today = policy.dayOf(now);
        return switch (this) {
            case DAY -> Optional.of(new DayRange(today, today));
            case WEEK -> Optional.of(new DayRange(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))));
            case MONTH -> Optional.of(new DayRange(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth())));
            case ALL -> Optional.empty();
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
