package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Chooses how a query reads a collection through its {@link OrderedIndex}es, the way MongoDB's
 * planner would for the shapes Stupy asks: equality on a prefix of an index's keys, a range on the
 * key after it, a sort that is the index's order (or its reverse), and an unanchored regex answered
 * by a pass over one index's keys instead of over the documents. The plan only says which positions
 * to read, and whether they come already sorted; the collection still matches the whole query.
 */
final class IndexPlanner {

    /** Up to this many positions are read and sorted; beyond it an index that is the sort order is walked instead. */
    static final int SMALL = 2_000;

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    /** Positions to read, in the query's order when {@code ordered}, each once. */
    record Plan(Stream<Object> positions, boolean ordered) {
    }

    /** One index read one way: an equality prefix, maybe a range after it, maybe in the query's order. */
    private record Candidate(OrderedIndex index, int equalities, boolean range, boolean ordered, boolean reverse,
                             Object[] from, Object[] to) {

        Stream<Object> positions() {
            return index.walk(from, to, reverse);
        }

        long countUpTo(long cap) {
            return positions().limit(cap).count();
        }
    }

    private IndexPlanner() {
    }

    static Optional<Plan> plan(Document query, Document orderBy, List<OrderedIndex> indexes) {
        if (indexes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Object>> terms = conjuncts(query);
        List<Map.Entry<String, Boolean>> sort = sortKeys(orderBy);
        List<Candidate> candidates = new ArrayList<>();
        for (OrderedIndex index : indexes) {
            candidate(index, terms, sort).ifPresent(candidates::add);
        }
        Optional<Set<Object>> matched = regexMatches(terms, indexes);

        Optional<Candidate> narrowest = Optional.empty();
        long narrowestCount = Long.MAX_VALUE;
        for (Candidate c : candidates) {
            if (c.equalities() == 0 && !c.range()) {
                continue;
            }
            long count = c.countUpTo(SMALL + 1L);
            if (count < narrowestCount || count == narrowestCount && c.ordered() && !narrowest.orElseThrow().ordered()) {
                narrowest = Optional.of(c);
                narrowestCount = count;
            }
        }
        if (matched.isPresent() && matched.get().size() <= SMALL && matched.get().size() <= narrowestCount) {
            return Optional.of(new Plan(matched.get().stream(), false));
        }
        if (narrowest.isPresent() && narrowestCount <= SMALL) {
            return Optional.of(plan(narrowest.get(), matched));
        }
        Optional<Candidate> inOrder = candidates.stream().filter(Candidate::ordered)
                .max(Comparator.comparingInt(Candidate::equalities).thenComparing(Candidate::range));
        if (inOrder.isPresent()) {
            return Optional.of(plan(inOrder.get(), matched));
        }
        if (narrowest.isPresent()) {
            return Optional.of(plan(narrowest.get(), matched));
        }
        return matched.map(positions -> new Plan(positions.stream(), false));
    }

    private static Plan plan(Candidate candidate, Optional<Set<Object>> matched) {
        Stream<Object> positions = candidate.positions();
        if (matched.isPresent()) {
            positions = positions.filter(matched.get()::contains);
        }
        // A multikey index lists a document once per element; a change racing the walk may list it twice.
        Set<Object> seen = new HashSet<>();
        return new Plan(positions.filter(seen::add), candidate.ordered());
    }

    private static Optional<Candidate> candidate(OrderedIndex index, Map<String, List<Object>> terms,
                                                 List<Map.Entry<String, Boolean>> sort) {
        int keys = index.size();
        Object[] from = new Object[keys];
        Object[] to = new Object[keys];
        int equalities = 0;
        while (equalities < keys) {
            Optional<Object> value = equality(terms.get(index.field(equalities)));
            if (value.isEmpty() || value.get() == NULL && index.sparse()) {
                break;
            }
            Object v = value.get() == NULL ? null : OrderedIndex.asKey(value.get());
            from[equalities] = v;
            to[equalities] = v;
            equalities++;
        }
        boolean range = false;
        for (int i = equalities; i < keys; i++) {
            from[i] = OrderedIndex.Bound.LOW;
            to[i] = OrderedIndex.Bound.HIGH;
        }
        if (equalities < keys) {
            Optional<Object[]> bounds = range(terms.get(index.field(equalities)));
            if (bounds.isPresent()) {
                range = true;
                Object low = OrderedIndex.asKey(bounds.get()[0]);
                Object high = OrderedIndex.asKey(bounds.get()[1]);
                boolean ascending = index.ascending(equalities);
                Object first = ascending ? low : high;
                Object last = ascending ? high : low;
                from[equalities] = first == null ? OrderedIndex.Bound.LOW : first;
                to[equalities] = last == null ? OrderedIndex.Bound.HIGH : last;
            }
        }
        boolean ordered = false;
        boolean reverse = false;
        if (!sort.isEmpty() && equalities + sort.size() <= keys) {
            ordered = true;
            for (int i = 0; i < sort.size() && ordered; i++) {
                int key = equalities + i;
                boolean same = sort.get(i).getValue() == index.ascending(key);
                if (i == 0) {
                    reverse = !same;
                }
                ordered = sort.get(i).getKey().equals(index.field(key)) && same != reverse && !index.multikey(key);
            }
        }
        if (equalities == 0 && !range && !ordered) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(index, equalities, range, ordered, ordered && reverse, from, to));
    }

    /**
     * The number of documents matching a query that is nothing but numeric ranges on the first key of
     * an index that holds one entry per document, counted from the index's keys alone (MongoDB's
     * COUNT_SCAN); empty when the query asks more than that.
     */
    static java.util.OptionalLong coveredCount(Document query, List<OrderedIndex> indexes) {
        Map<String, List<Object>> terms = conjuncts(query);
        boolean onlyFields = query.keySet().stream().allMatch(key -> !key.startsWith("$") || key.equals("$and"))
                && (!(query.get("$and") instanceof List<?> and) || and.stream().allMatch(term -> term instanceof Document d
                && d.keySet().stream().noneMatch(key -> key.startsWith("$"))));
        if (!onlyFields || terms.size() != 1) {
            return java.util.OptionalLong.empty();
        }
        Map.Entry<String, List<Object>> term = terms.entrySet().iterator().next();
        List<Document> ranges = new ArrayList<>();
        for (Object condition : term.getValue()) {
            if (!(condition instanceof Document doc) || doc.isEmpty() || !RANGE_OPERATORS.containsAll(doc.keySet())
                    || !doc.values().stream().allMatch(Number.class::isInstance)) {
                return java.util.OptionalLong.empty();
            }
            ranges.add(doc);
        }
        Optional<OrderedIndex> index = indexes.stream()
                .filter(i -> i.field(0).equals(term.getKey()) && !i.multikey(0) && !i.sparse()).findFirst();
        Optional<Object[]> bounds = range(term.getValue());
        if (index.isEmpty() || bounds.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        boolean exactBounds = ranges.stream().flatMap(r -> r.values().stream())
                .allMatch(v -> v instanceof Integer || v instanceof Double || v instanceof Long l && Math.abs(l) < 1L << 53);
        Optional<double[]> sorted = exactBounds ? index.get().sortedNumbers() : Optional.empty();
        if (sorted.isPresent()) {
            return java.util.OptionalLong.of(countInRanges(sorted.get(), ranges));
        }
        int keys = index.get().size();
        Object[] from = new Object[keys];
        Object[] to = new Object[keys];
        java.util.Arrays.fill(from, OrderedIndex.Bound.LOW);
        java.util.Arrays.fill(to, OrderedIndex.Bound.HIGH);
        boolean ascending = index.get().ascending(0);
        Object first = OrderedIndex.asKey(ascending ? bounds.get()[0] : bounds.get()[1]);
        Object last = OrderedIndex.asKey(ascending ? bounds.get()[1] : bounds.get()[0]);
        if (first != null) {
            from[0] = first;
        }
        if (last != null) {
            to[0] = last;
        }
        return java.util.OptionalLong.of(index.get().firstKeys(from, to)
                .filter(value -> value instanceof Number && ranges.stream().allMatch(r -> inRange(value, r))).count());
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

    /** Stands for "equal to null" (which also matches a missing field) in an {@code Optional}. */
    private static final Object NULL = new Object();

    private static Optional<Object> equality(List<Object> conditions) {
        if (conditions == null) {
            return Optional.empty();
        }
        for (Object condition : conditions) {
            Object value = condition instanceof Document doc && doc.size() == 1 && doc.containsKey("$eq") ? doc.get("$eq") : condition;
            if (value == null) {
                return Optional.of(NULL);
            }
            // A document or an array asks for the whole value (or holds operators); a regex is no equality.
            if (!(value instanceof Document || value instanceof Collection<?> || value instanceof BsonRegularExpression)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** {@code [low, high]}, either null when open; bounds are taken inclusive, the final match excludes the ends. */
    private static Optional<Object[]> range(List<Object> conditions) {
        if (conditions == null) {
            return Optional.empty();
        }
        for (Object condition : conditions) {
            if (condition instanceof Document doc && !doc.isEmpty() && RANGE_OPERATORS.containsAll(doc.keySet())) {
                Object low = doc.containsKey("$gte") ? doc.get("$gte") : doc.get("$gt");
                Object high = doc.containsKey("$lte") ? doc.get("$lte") : doc.get("$lt");
                if (scalar(low) && scalar(high) && (low != null || high != null)) {
                    return Optional.of(new Object[] {low, high});
                }
            }
        }
        return Optional.empty();
    }

    private static boolean scalar(Object value) {
        return !(value instanceof Document || value instanceof Collection<?>);
    }

    /** The documents whose field matches a regex term, found in the keys of an index that starts with that field. */
    private static Optional<Set<Object>> regexMatches(Map<String, List<Object>> terms, List<OrderedIndex> indexes) {
        Optional<Set<Object>> smallest = Optional.empty();
        for (Map.Entry<String, List<Object>> term : terms.entrySet()) {
            for (Object condition : term.getValue()) {
                if (!(condition instanceof BsonRegularExpression regex)) {
                    continue;
                }
                Optional<OrderedIndex> index = indexes.stream().filter(i -> i.field(0).equals(term.getKey())).findFirst();
                if (index.isEmpty()) {
                    continue;
                }
                Set<Object> found = new LinkedHashSet<>();
                java.util.function.Predicate<String> matches = literal(regex)
                        .<java.util.function.Predicate<String>>map(text -> s -> s.contains(text))
                        .orElse(s -> regex.matcher(s).find());
                index.get().scanFirstKey(value -> value instanceof String s && matches.test(s)).forEach(found::add);
                if (smallest.isEmpty() || found.size() < smallest.get().size()) {
                    smallest = Optional.of(found);
                }
            }
        }
        return smallest;
    }

    /** The text of a regex that is one quoted literal without options ({@code Pattern.quote}): a plain substring test. */
    static Optional<String> literal(BsonRegularExpression regex) {
        String pattern = regex.getPattern();
        String options = regex.getOptions();
        if ((options == null || options.isEmpty()) && pattern.startsWith("\\Q") && pattern.endsWith("\\E")) {
            String text = pattern.substring(2, pattern.length() - 2);
            if (!text.contains("\\E")) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** Field conditions that must all hold: the query's own fields and those of the terms of a top-level {@code $and}. */
    static Map<String, List<Object>> conjuncts(Document query) {
        Map<String, List<Object>> terms = new LinkedHashMap<>();
        addFields(query, terms);
        if (query.get("$and") instanceof List<?> and) {
            for (Object term : and) {
                if (term instanceof Document document) {
                    addFields(document, terms);
                }
            }
        }
        return terms;
    }

    private static void addFields(Document document, Map<String, List<Object>> terms) {
        document.forEach((field, condition) -> {
            if (!field.startsWith("$")) {
                terms.computeIfAbsent(field, f -> new ArrayList<>()).add(condition);
            }
        });
    }

    private static List<Map.Entry<String, Boolean>> sortKeys(Document orderBy) {
        if (orderBy == null) {
            return List.of();
        }
        List<Map.Entry<String, Boolean>> keys = new ArrayList<>();
        orderBy.forEach((field, direction) -> keys.add(Map.entry(field, ((Number) direction).intValue() > 0)));
        return keys;
    }
}
