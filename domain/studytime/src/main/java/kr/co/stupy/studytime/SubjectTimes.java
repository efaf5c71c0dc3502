package kr.co.stupy.studytime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One person's counted seconds per subject over some study days, by the same rules as
 * {@link DailyStudy}: sessions under five seconds left out, sessions split at day starts, and no day
 * over sixteen hours. Past the cap a day's latest seconds are the ones left out, so every day's
 * subjects add up to exactly that day's counted total. Time with no subject is under empty.
 */
public record SubjectTimes(Map<Optional<Subject>, Long> seconds) {

    public SubjectTimes {
        seconds = Map.copyOf(seconds);
        if (seconds.values().stream().anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException("time is never negative");
        }
    }

    /**
     * {@code sessions}: one person's, as they count at {@code now} (an open one runs to {@code now}, so
     * the caller ends one nobody holds at its last heartbeat first); days outside {@code [first, last]} are left out.
     */
    public static SubjectTimes of(Collection<StudySession> sessions, StudyDayPolicy policy, Instant now, LocalDate first, LocalDate last) {
        List<StudySession> ordered = new ArrayList<>(sessions);
        ordered.sort(Comparator.comparing(StudySession::startedAt).thenComparing(StudySession::id));
        Map<LocalDate, Long> counted = new HashMap<>();
        Map<Optional<Subject>, Long> bySubject = new HashMap<>();
        long cap = StudyRules.MAX_PER_DAY.toSeconds();
        for (StudySession session : ordered) {
            if (session.counted(now).isZero()) {
                continue;
            }
            SortedMap<LocalDate, Long> pieces = policy.split(session.startedAt(), session.countedUntil(now));
            pieces.forEach((day, piece) -> {
                long before = counted.getOrDefault(day, 0L);
                long added = Math.min(piece, Math.max(0, cap - before));
                counted.put(day, before + piece);
                if (added > 0 && !day.isBefore(first) && !day.isAfter(last)) {
                    bySubject.merge(session.subject(), added, Long::sum);
                }
            });
        }
        return new SubjectTimes(bySubject);
    }

    public long total() {
        return seconds.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Most studied first; equal times by name, time with no subject last among equals. */
    public List<Map.Entry<Optional<Subject>, Long>> mostFirst() {
        Comparator<Map.Entry<Optional<Subject>, Long>> order = Comparator
                .comparing((Map.Entry<Optional<Subject>, Long> e) -> e.getValue()).reversed()
                .thenComparing(e -> e.getKey().map(Subject::name).orElse("\uffff"));
        return seconds.entrySet().stream().filter(e -> e.getValue() > 0).sorted(order).toList();
    }
}
