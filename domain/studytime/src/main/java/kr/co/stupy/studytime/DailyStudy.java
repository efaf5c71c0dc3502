package kr.co.stupy.studytime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One person's counted seconds per study day: sessions under five seconds left out, sessions that
 * cross a day start split, and no day over sixteen hours.
 */
public record DailyStudy(SortedMap<LocalDate, Long> seconds) {

    public DailyStudy {
        seconds = Collections.unmodifiableSortedMap(new TreeMap<>(seconds));
        if (seconds.values().stream().anyMatch(s -> s < 0 || s > StudyRules.MAX_PER_DAY.toSeconds())) {
            throw new IllegalArgumentException("a day holds 0 to 16 hours");
        }
    }

    public static DailyStudy of(Collection<StudySession> sessions, StudyDayPolicy policy, Instant now) {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        for (StudySession session : sessions) {
            if (session.counted(now).isZero()) {
                continue;
            }
            policy.split(session.startedAt(), session.countedUntil(now)).forEach((day, s) -> days.merge(day, s, Long::sum));
        }
        days.replaceAll((day, s) -> Math.min(s, StudyRules.MAX_PER_DAY.toSeconds()));
        return new DailyStudy(days);
    }

    public long total() {
        return seconds.values().stream().mapToLong(Long::longValue).sum();
    }

    public long total(Predicate<LocalDate> days) {
        return seconds.entrySet().stream().filter(e -> days.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
