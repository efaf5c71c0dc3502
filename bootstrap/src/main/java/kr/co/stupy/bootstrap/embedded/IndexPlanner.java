package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
        Map<String, List<Object>> terms = QueryTerms.conjuncts(query);
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
            Optional<Object> value = QueryTerms.equality(terms.get(index.field(equalities)));
            if (value.isEmpty() || value.get() == QueryTerms.EQUALS_NULL && index.sparse()) {
                break;
            }
            Object v = value.get() == QueryTerms.EQUALS_NULL ? null : OrderedIndex.asKey(value.get());
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
            Optional<Object[]> bounds = QueryTerms.range(terms.get(index.field(equalities)));
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

    private static List<Map.Entry<String, Boolean>> sortKeys(Document orderBy) {
        if (orderBy == null) {
            return List.of();
        }
        List<Map.Entry<String, Boolean>> keys = new ArrayList<>();
        orderBy.forEach((field, direction) -> keys.add(Map.entry(field, ((Number) direction).intValue() > 0)));
        return keys;
    }
}
