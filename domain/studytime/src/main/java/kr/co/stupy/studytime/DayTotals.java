package kr.co.stupy.studytime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/** What the read models of summed seconds share, so that their totals are made and compared alike. */
final class DayTotals {

    private DayTotals() {
    }

    /** Totals with the zero ones left out, so two sets of totals compare with {@code equals} however they were kept. */
    static <K> Map<K, Long> nonZero(Map<K, Long> totals) {
        Map<K, Long> kept = new HashMap<>();
        totals.forEach((key, value) -> {
            if (value != 0) {
                kept.put(key, value);
            }
        });
        return Map.copyOf(kept);
    }

    /**
     * Each day total, as {@code counted} counts it, summed into every period total that {@code holding}
     * says holds its day, under the key {@code key} makes of the day's key and the period.
     */
    static <D, P, K> Map<K, Long> summedInto(Map<D, Long> days, Function<D, List<P>> holding, BiFunction<D, P, K> key,
                                             LongUnaryOperator counted) {
        Map<K, Long> periods = new HashMap<>();
        days.forEach((day, seconds) -> {
            for (P period : holding.apply(day)) {
                periods.merge(key.apply(day, period), counted.applyAsLong(seconds), Long::sum);
            }
        });
        return periods;
    }
}
