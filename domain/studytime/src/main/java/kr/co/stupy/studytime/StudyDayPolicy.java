package kr.co.stupy.studytime;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a study "day" begins: a night session counts for the day it began, so the day starts at
 * {@code dayStart} (05:00 by default) in {@code zone} (Asia/Seoul by default), not at midnight.
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
}
