package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a query asks of each field, read the way an index can answer it: the conditions that must
 * all hold per field, an equality among them, a range among them.
 */
final class QueryTerms {

    static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    /** Stands for "equal to null" (which also matches a missing field) in an {@code Optional}. */
    static final Object EQUALS_NULL = new Object();

    private QueryTerms() {
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

    /** The value one of the conditions asks the field to equal; {@link #EQUALS_NULL} for null. */
    static Optional<Object> equality(List<Object> conditions) {
        if (conditions == null) {
            return Optional.empty();
        }
        for (Object condition : conditions) {
            Object value = condition instanceof Document doc && doc.size() == 1 && doc.containsKey("$eq") ? doc.get("$eq") : condition;
            if (value == null) {
                return Optional.of(EQUALS_NULL);
            }
            if (isPlainValue(value)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * A value a condition asks a field to equal as such: not a document or an array (those ask for
     * the whole value, or hold operators) and not a regex (no equality).
     */
    static boolean isPlainValue(Object value) {
        return !(value instanceof Document || value instanceof Collection<?> || value instanceof BsonRegularExpression);
    }

    /** {@code [low, high]}, either null when open; bounds are taken inclusive, the final match excludes the ends. */
    static Optional<Object[]> range(List<Object> conditions) {
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
}
