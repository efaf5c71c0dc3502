package kr.co.stupy.studytime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A user's (or a room member's) study seconds per UTC quarter hour, so statistics in any zone whose study days begin on
 * quarter hours (every zone in use today, with a day start such as 05:00) are sums of whole quarters,
 * without reading the user's sessions.
 * <p>
 * {@link StudyDayPolicy#split} truncates each day's piece of a session to whole seconds, so the
 * quarters hold each quarter's piece truncated the same way: a day made of whole quarters then sums
 * to exactly the day's piece, because every day start is a whole second. One case does not add up:
 * a session whose start and end fall in one study day is one piece, truncated once, while its
 * quarters were truncated at both of its ends. That second (0 or 1, only when start and end have
 * fractions of a second) is kept apart in {@link #corrections}, under the session's first and last
 * quarter, and counts only for a zone in which both quarters fall in one study day.
 *
 * @param seconds     seconds per quarter, keyed by the quarter's first instant (a multiple of 15 min since the epoch)
 * @param corrections seconds a session kept within one study day adds on top of its quarters
 */
public record QuarterHours(Map<Instant, Long> seconds, Map<Span, Long> corrections) {

    public static final long QUARTER_SECONDS = 900;
    public static final QuarterHours NONE = new QuarterHours(Map.of(), Map.of());

    /** A session's first and last quarter (their first instants). */
    public record Span(Instant first, Instant last) {
        public Span {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
        }
    }

    public QuarterHours {
        seconds = DayTotals.nonZero(seconds);
        corrections = DayTotals.nonZero(corrections);
    }

    /** The quarter hour an instant falls in, as its first instant. */
    public static Instant quarterOf(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), QUARTER_SECONDS) * QUARTER_SECONDS);
    }

    /** The UTC date a quarter is stored under. */
    public static LocalDate utcDateOf(Instant quarter) {
        return LocalDate.ofInstant(quarter, ZoneOffset.UTC);
    }

    /** What a finished session adds: nothing under the five-second minimum, as {@link StudyRollups#piecesOf}. */
    public static QuarterHours of(StudySession session) {
        if (session.isOpen()) {
            throw new IllegalArgumentException("only a finished session is rolled up");
        }
        Instant end = session.endedAt().orElseThrow();
        if (session.counted(end).isZero()) {
            return NONE;
        }
        return of(session.startedAt(), end);
    }

    /** The seconds of {@code [from, to)} per quarter, and the correction that makes one piece of it exact. */
    public static QuarterHours of(Instant from, Instant to) {
        Map<Instant, Long> seconds = new HashMap<>();
        long sum = 0;
        Instant quarter = quarterOf(from);
        Instant last = quarter;
        while (quarter.isBefore(to)) {
            Instant next = quarter.plusSeconds(QUARTER_SECONDS);
            Instant start = from.isAfter(quarter) ? from : quarter;
            Instant end = next.isBefore(to) ? next : to;
            long piece = Duration.between(start, end).toSeconds();
            seconds.merge(quarter, piece, Long::sum);
            sum += piece;
            last = quarter;
            quarter = next;
        }
        long whole = from.isBefore(to) ? Duration.between(from, to).toSeconds() : 0;
        Map<Span, Long> corrections = whole == sum ? Map.of() : Map.of(new Span(quarterOf(from), last), whole - sum);
        return new QuarterHours(seconds, corrections);
    }

    public QuarterHours negated() {
        Map<Instant, Long> s = new HashMap<>();
        seconds.forEach((q, v) -> s.put(q, -v));
        Map<Span, Long> c = new HashMap<>();
        corrections.forEach((q, v) -> c.put(q, -v));
        return new QuarterHours(s, c);
    }

    public QuarterHours plus(QuarterHours other) {
        Map<Instant, Long> s = new HashMap<>(seconds);
        other.seconds.forEach((q, v) -> s.merge(q, v, Long::sum));
        Map<Span, Long> c = new HashMap<>(corrections);
        other.corrections.forEach((q, v) -> c.merge(q, v, Long::sum));
        return new QuarterHours(s, c);
    }

    /** The UTC dates these quarters are stored under: each quarter's date, and a correction's first quarter's. */
    public SortedSet<LocalDate> utcDates() {
        SortedSet<LocalDate> dates = new TreeSet<>();
        seconds.keySet().forEach(quarter -> dates.add(utcDateOf(quarter)));
        corrections.keySet().forEach(span -> dates.add(utcDateOf(span.first())));
        return dates;
    }

    /** The part of these quarters stored under the UTC dates {@code [firstUtcDate, lastUtcDate]}: what a read of those dates finds. */
    public QuarterHours storedUnder(LocalDate firstUtcDate, LocalDate lastUtcDate) {
        Map<Instant, Long> s = new HashMap<>();
        seconds.forEach((quarter, v) -> {
            if (within(utcDateOf(quarter), firstUtcDate, lastUtcDate)) {
                s.put(quarter, v);
            }
        });
        Map<Span, Long> c = new HashMap<>();
        corrections.forEach((span, v) -> {
            if (within(utcDateOf(span.first()), firstUtcDate, lastUtcDate)) {
                c.put(span, v);
            }
        });
        return new QuarterHours(s, c);
    }

    private static boolean within(LocalDate date, LocalDate first, LocalDate last) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /**
     * Summed seconds per study day of every day these quarters fall in, as {@link #byDay(StudyDayPolicy, LocalDate, LocalDate)}
     * sums them: an all-time total, whose days are not known before the quarters are read. Empty when one of
     * those days does not begin on a quarter hour ({@link #fits}), so the caller computes from sessions instead.
     */
    public Optional<SortedMap<LocalDate, Long>> allByDay(StudyDayPolicy policy) {
        Optional<Instant> first = firstInstants().min(Instant::compareTo);
        if (first.isEmpty()) {
            return Optional.of(new TreeMap<>());
        }
        LocalDate firstDay = policy.dayOf(first.get());
        LocalDate lastDay = policy.dayOf(firstInstants().max(Instant::compareTo).orElseThrow());
        return fits(policy, firstDay, lastDay) ? Optional.of(byDay(policy, firstDay, lastDay)) : Optional.empty();
    }

    /** Every quarter's first instant, and every correction's first quarter's: where {@link #byDay} looks for a day. */
    private Stream<Instant> firstInstants() {
        return Stream.concat(seconds.keySet().stream(), corrections.keySet().stream().map(Span::first));
    }

    /**
     * Whether every study day of {@code [first, last]} in {@code policy}'s zone begins on a quarter
     * hour, so {@link #byDay} answers exactly; a day start such as 05:10, or a zone's old offset of
     * minutes and seconds, does not.
     */
    public static boolean fits(StudyDayPolicy policy, LocalDate first, LocalDate last) {
        for (LocalDate day = first; !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
            Instant start = policy.startOf(day);
            if (start.getNano() != 0 || Math.floorMod(start.getEpochSecond(), QUARTER_SECONDS) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The UTC dates whose quarters hold the study days {@code [first, last]}. */
    public static LocalDate firstUtcDate(StudyDayPolicy policy, LocalDate first) {
        return utcDateOf(policy.startOf(first));
    }

    public static LocalDate lastUtcDate(StudyDayPolicy policy, LocalDate last) {
        return utcDateOf(policy.startOf(last.plusDays(1)).minusNanos(1));
    }

    /**
     * Summed seconds per study day of {@code [first, last]} in {@code policy}'s zone, exactly as the
     * sessions' {@link StudyDayPolicy#split} pieces sum, given the days {@link #fits} and the quarters
     * of those days are all here.
     */
    public SortedMap<LocalDate, Long> byDay(StudyDayPolicy policy, LocalDate first, LocalDate last) {
        Instant from = policy.startOf(first);
        Instant to = policy.startOf(last.plusDays(1));
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        seconds.forEach((quarter, s) -> {
            if (!quarter.isBefore(from) && quarter.isBefore(to)) {
                days.merge(policy.dayOf(quarter), s, Long::sum);
            }
        });
        corrections.forEach((span, s) -> {
            if (!span.first().isBefore(from) && span.first().isBefore(to)) {
                LocalDate day = policy.dayOf(span.first());
                if (day.equals(policy.dayOf(span.last()))) {
                    days.merge(day, s, Long::sum);
                }
            }
        });
        days.values().removeIf(s -> s == 0);
        return days;
    }

    /**
     * Many sessions' quarter hours summed per owner (a user, or a room member) in place: adding one session
     * must not copy an owner's whole history, as {@link #plus} would, when a rebuild or a loader sums years of it.
     *
     * @param <K> who the quarters belong to
     */
    public static final class Sums<K> {
        private final Map<K, Map<Instant, Long>> seconds = new HashMap<>();
        private final Map<K, Map<Span, Long>> corrections = new HashMap<>();

        public void add(K owner, QuarterHours added) {
            if (added.equals(NONE)) {
                return;
            }
            Map<Instant, Long> s = seconds.computeIfAbsent(owner, o -> new HashMap<>());
            added.seconds.forEach((q, v) -> s.merge(q, v, Long::sum));
            Map<Span, Long> c = corrections.computeIfAbsent(owner, o -> new HashMap<>());
            added.corrections.forEach((q, v) -> c.merge(q, v, Long::sum));
        }

        /** Each owner's sum; owners whose quarters summed to nothing are left out, so two results compare with {@code equals}. */
        public Map<K, QuarterHours> totals() {
            Map<K, QuarterHours> totals = new HashMap<>();
            seconds.forEach((owner, s) -> {
                QuarterHours sum = new QuarterHours(s, corrections.get(owner));
                if (!sum.equals(NONE)) {
                    totals.put(owner, sum);
                }
            });
            return totals;
        }
    }
}
