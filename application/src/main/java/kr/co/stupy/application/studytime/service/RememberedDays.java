package kr.co.stupy.application.studytime.service;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * A user's day totals read once per answer: statistics ask for the range, then read back from today for
 * the study streak and again for the goal streak; the days already read are answered from memory, and
 * only the part of a span not read yet goes to the store (the spans a report asks for join up, so what
 * was read stays one run of days).
 */
final class RememberedDays implements BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> {

    private final BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> store;
    private final TreeMap<LocalDate, Long> read = new TreeMap<>();
    private LocalDate first;
    private LocalDate last;

    RememberedDays(BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> store) {
        this.store = store;
    }

    @Override
    public SortedMap<LocalDate, Long> apply(LocalDate from, LocalDate to) {
        boolean joins = first != null && !from.isAfter(last.plusDays(1)) && !to.isBefore(first.minusDays(1));
        if (!joins) {
            // Nothing read yet, or a span apart from what was read: read it alone, and remember it if it is the first.
            SortedMap<LocalDate, Long> days = store.apply(from, to);
            if (first == null) {
                read.putAll(days);
                first = from;
                last = to;
            }
            return days;
        }
        if (from.isBefore(first)) {
            read.putAll(store.apply(from, first.minusDays(1)));
            first = from;
        }
        if (to.isAfter(last)) {
            read.putAll(store.apply(last.plusDays(1), to));
            last = to;
        }
        return new TreeMap<>(read.subMap(from, true, to, true));
    }
}
