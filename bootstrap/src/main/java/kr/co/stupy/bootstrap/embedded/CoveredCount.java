package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The number of documents matching a query that is nothing but numeric ranges on the first key of
 * an index that holds one entry per document, counted from the index's keys alone (MongoDB's
 * COUNT_SCAN), by binary search when the index keeps its numbers sorted.
 */
final class CoveredCount {

    private CoveredCount() {
    }

    /** The count, or empty when the query asks more than ranges on one indexed field. */
    static OptionalLong of(Document query, List<OrderedIndex> indexes) {
        Map<String, List<Object>> terms = QueryTerms.conjuncts(query);
        boolean onlyFields = query.keySet().stream().allMatch(key -> !key.startsWith("$") || key.equals("$and"))
                && (!(query.get("$and") instanceof List<?> and) || and.stream().allMatch(term -> term instanceof Document d
                && d.keySet().stream().noneMatch(key -> key.startsWith("$"))));
        if (!onlyFields) {
            return OptionalLong.empty();
        }
        if (terms.size() > 1) {
            return afterEqualities(terms, indexes);
        }
        Map.Entry<String, List<Object>> term = terms.entrySet().iterator().next();
        List<Document> ranges = new ArrayList<>();
        for (Object condition : term.getValue()) {
            if (!(condition instanceof Document doc) || doc.isEmpty() || !QueryTerms.RANGE_OPERATORS.containsAll(doc.keySet())
                    || !doc.values().stream().allMatch(Number.class::isInstance)) {
                return OptionalLong.empty();
            }
            ranges.add(doc);
        }
        Optional<OrderedIndex> index = indexes.stream()
                .filter(i -> i.field(0).equals(term.getKey()) && !i.multikey(0) && !i.sparse()).findFirst();
        Optional<Object[]> bounds = QueryTerms.range(term.getValue());
        if (index.isEmpty() || bounds.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(count(index.get(), bounds.get(), ranges));
    }

    /**
     * Equalities on the first keys of an index and numeric ranges on the key after them, nothing else
     * (a ranking's "users of this bucket above x seconds"): the entries between the two probes, their
     * range key checked, counted from the index alone.
     */
    private static OptionalLong afterEqualities(Map<String, List<Object>> terms, List<OrderedIndex> indexes) {
        for (OrderedIndex index : indexes) {
            int k = terms.size() - 1;
            if (index.size() <= k || index.sparse()) {
                continue;
            }
            Object[] from = new Object[index.size()];
            Object[] to = new Object[index.size()];
            Arrays.fill(from, OrderedIndex.Bound.LOW);
            Arrays.fill(to, OrderedIndex.Bound.HIGH);
            boolean fits = true;
            for (int i = 0; i < k && fits; i++) {
                List<Object> conditions = terms.get(index.field(i));
                Optional<Object> value = conditions == null || conditions.size() != 1 ? Optional.empty() : QueryTerms.equality(conditions);
                fits = value.isPresent() && value.get() != QueryTerms.EQUALS_NULL && !index.multikey(i);
                if (fits) {
                    from[i] = OrderedIndex.asKey(value.get());
                    to[i] = from[i];
                }
            }
            List<Object> rangeTerm = terms.get(index.field(k));
            if (!fits || rangeTerm == null || index.multikey(k)) {
                continue;
            }
            List<Document> ranges = new ArrayList<>();
            for (Object condition : rangeTerm) {
                if (!(condition instanceof Document doc) || doc.isEmpty() || !QueryTerms.RANGE_OPERATORS.containsAll(doc.keySet())
                        || !doc.values().stream().allMatch(Number.class::isInstance)) {
                    return OptionalLong.empty();
                }
                ranges.add(doc);
            }
            Optional<Object[]> bounds = QueryTerms.range(rangeTerm);
            if (bounds.isEmpty()) {
                continue;
            }
            boolean ascending = index.ascending(k);
            Object first = OrderedIndex.asKey(ascending ? bounds.get()[0] : bounds.get()[1]);
            Object last = OrderedIndex.asKey(ascending ? bounds.get()[1] : bounds.get()[0]);
            if (first != null) {
                from[k] = first;
            }
            if (last != null) {
                to[k] = last;
            }
            return OptionalLong.of(index.keysAt(from, to, k)
                    .filter(value -> value instanceof Number && ranges.stream().allMatch(r -> inRange(value, r))).count());
        }
        return OptionalLong.empty();
    }

    private static long count(OrderedIndex index, Object[] bounds, List<Document> ranges) {
        boolean exactBounds = ranges.stream().flatMap(r -> r.values().stream())
                .allMatch(v -> v instanceof Integer || v instanceof Double || v instanceof Long l && Math.abs(l) < 1L << 53);
        Optional<double[]> sorted = exactBounds ? index.sortedNumbers() : Optional.empty();
        if (sorted.isPresent()) {
            return countInRanges(sorted.get(), ranges);
        }
        int keys = index.size();
        Object[] from = new Object[keys];
        Object[] to = new Object[keys];
        Arrays.fill(from, OrderedIndex.Bound.LOW);
        Arrays.fill(to, OrderedIndex.Bound.HIGH);
        boolean ascending = index.ascending(0);
        Object first = OrderedIndex.asKey(ascending ? bounds[0] : bounds[1]);
        Object last = OrderedIndex.asKey(ascending ? bounds[1] : bounds[0]);
        if (first != null) {
            from[0] = first;
        }
        if (last != null) {
            to[0] = last;
        }
        return index.firstKeys(from, to)
                .filter(value -> value instanceof Number && ranges.stream().allMatch(r -> inRange(value, r))).count();
    }

    /** How many of the sorted values lie in every range: the narrowest window of all the bounds, by binary search. */
    private static long countInRanges(double[] sorted, List<Document> ranges) {
        int from = 0;
        int to = sorted.length;
        for (Document range : ranges) {
            for (Map.Entry<String, Object> bound : range.entrySet()) {
                double limit = ((Number) bound.getValue()).doubleValue();
                switch (bound.getKey()) {
                    case "$gt" -> from = Math.max(from, firstAbove(sorted, limit, false));
                    case "$gte" -> from = Math.max(from, firstAbove(sorted, limit, true));
                    case "$lt" -> to = Math.min(to, firstAbove(sorted, limit, true));
                    default -> to = Math.min(to, firstAbove(sorted, limit, false));
                }
            }
        }
        return Math.max(0, to - from);
    }

    /** The index of the first value {@code > limit} (or {@code >= limit} when {@code inclusive}). */
    private static int firstAbove(double[] sorted, double limit, boolean inclusive) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            boolean below = inclusive ? sorted[mid] < limit : sorted[mid] <= limit;
            if (below) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static boolean inRange(Object value, Document range) {
        for (Map.Entry<String, Object> bound : range.entrySet()) {
            int c = OrderedIndex.compareValues(value, OrderedIndex.asKey(bound.getValue()));
            boolean holds = switch (bound.getKey()) {
                case "$gt" -> c > 0;
                case "$gte" -> c >= 0;
                case "$lt" -> c < 0;
                default -> c <= 0;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
