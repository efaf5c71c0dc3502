package kr.co.stupy.studytime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * When a study "day" begins: a night session counts for the day it began, so the day starts at
 * {@code dayStart} (05:00 by default) in {@code zone} (Asia/Seoul by default), not at midnight.
 * Day D runs from D at {@code dayStart} to D+1 at {@code dayStart}, local time; across a daylight
 * saving change that day is 23 or 25 hours long.
 */
public record StudyDayPolicy(ZoneId zone, LocalTime dayStart) {

    public static final StudyDayPolicy DEFAULT = new StudyDayPolicy(ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0));

    public StudyDayPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayStart, "dayStart");
        if (dayStart.getSecond() != 0 || dayStart.getNano() != 0) {
            throw new IllegalArgumentException("a day starts on a whole minute");
        }
    }

    public StudyDayPolicy inZone(ZoneId otherZone) {
        return new StudyDayPolicy(otherZone, dayStart);
    }

    /**
     * Whether {@link #inZone inZone(otherZone)} has exactly these study days: the same zone, however it
     * is named (a fixed offset with the same rules for every instant would do too, but is not recognised).
     */
    public boolean sameDaysIn(ZoneId otherZone) {
        return otherZone.normalized().equals(zone.normalized());
    }

    /** The study day an instant belongs to. */
    public LocalDate dayOf(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return instant.isBefore(startOf(date)) ? date.minusDays(1) : date;
    }

    /** The first instant of a study day; a start inside a daylight saving gap moves forward by the gap's length. */
    public Instant startOf(LocalDate day) {
        return ZonedDateTime.of(day, dayStart, zone).toInstant();
    }

    /** The seconds of {@code [from, to)} that fall into each study day, in day order. */
    public SortedMap<LocalDate, Long> split(Instant from, Instant to) {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            LocalDate day = dayOf(cursor);
            Instant next = startOf(day.plusDays(1));
            Instant end = next.isBefore(to) ? next : to;
            long seconds = Duration.between(cursor, end).toSeconds();
            if (seconds > 0) {
                days.merge(day, seconds, Long::sum);
            }
            cursor = end;
        }
        return days;
    }
}
