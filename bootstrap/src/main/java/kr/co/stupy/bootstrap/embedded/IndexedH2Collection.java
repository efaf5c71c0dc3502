package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that reads through its indexes. mongo-java-server uses an index only when a query
 * names exactly that index's fields and keeps no secondary index at all, so every conditional
 * single-document update ({@code {$and: [{_id: x}, {endedAt: null}]}}) and every search, feed or
 * look-up by another field scanned the whole collection. Here:
 * <ul>
 * <li>a query that pins {@code _id} (a value or an {@code $in}, at the top or as one term of a
 *     top-level {@code $and}) reads those documents through the {@code _id} index;</li>
 * <li>otherwise {@link IndexPlanner} picks one of the collection's {@link OrderedIndex}es (an
 *     equality prefix, a range, the sort order, a regex over one index's keys), and a sort the index
 *     already gives stops at the limit instead of sorting every match.</li>
 * </ul>
 * Either way the whole query is then matched on the documents read, so a plan narrows, never decides.
 */
final class IndexedH2Collection extends H2Collection {

    /** What an unsorted query returns in on the plain path (the data map's key order), kept when an index serves it. */
    private static final Document NATURAL = new Document("_id", 1);

    private static final String ID = "_id";
    private static final String AND = "$and";

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Optional<Document> byId = idTerm(query);
        if (byId.isPresent()) {
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId.get())) {
                    // The index found exactly the documents the id term asks for: matching it again on each
                    // would compare every id with every listed one (10,000 x 10,000 for a reaper's look).
                    Document rest = exactIdTerm(byId.get()) ? withoutIdTerm(query) : query;
                    return matchDocuments(rest, index.getPositions(byId.get()), orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
        }
        if (orderBy == null || !orderBy.containsKey("$natural")) {
            Optional<IndexPlanner.Plan> plan = IndexPlanner.plan(query, orderBy, orderedIndexes());
            if (plan.isPresent()) {
                Document sort = plan.get().ordered() ? null : orderBy == null || orderBy.isEmpty() ? NATURAL : orderBy;
                Stream<Document> documents = plan.get().positions().map(this::getDocument).filter(Objects::nonNull);
                return matchDocumentsFromStream(documents, query, sort, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    public int count(Document query, int skip, int limit) {
        if (query != null && !query.isEmpty() && skip == 0) {
            OptionalLong covered = CoveredCount.of(query, orderedIndexes());
            if (covered.isPresent()) {
                long n = limit > 0 ? Math.min(limit, covered.getAsLong()) : covered.getAsLong();
                return (int) n;
            }
        }
        return super.count(query, skip, limit);
    }

    private List<OrderedIndex> orderedIndexes() {
        List<OrderedIndex> ordered = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof OrderedIndex o) {
                ordered.add(o);
            }
        }
        return ordered;
    }

    /** {@code {_id: …}} when the query only matches documents with that id (or those ids); empty when the plain path serves it as well. */
    static Optional<Document> idTerm(Document query) {
        // An id alone the plain path serves as well; an $in alone it would match id by id against the whole list.
        if (query.containsKey(ID) && (query.size() > 1 || query.get(ID) instanceof Document)) {
            return Optional.of(new Document(ID, query.get(ID)));
        }
        if (query.size() == 1 && query.get(AND) instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document document && document.size() == 1 && document.containsKey(ID)) {
                    return Optional.of(new Document(ID, document.get(ID)));
                }
            }
        }
        return Optional.empty();
    }

    /** An id, or {@code $in} over ids: what the {@code _id} index answers exactly, so the documents it finds need no second look. */
    static boolean exactIdTerm(Document idTerm) {
        Object condition = idTerm.get(ID);
        if (condition instanceof Document document) {
            return document.size() == 1 && document.get("$in") instanceof Collection<?> ids
                    && ids.stream().allMatch(IndexedH2Collection::plainId);
        }
        return plainId(condition);
    }

    /** Null is left out: it also matches a document without the field. */
    private static boolean plainId(Object id) {
        return id != null && QueryTerms.isPlainValue(id);
    }

    /** The query without the term {@link #idTerm} took: the top-level {@code _id}, else the first {@code _id} term of its {@code $and}. */
    static Document withoutIdTerm(Document query) {
        Document rest = new Document(query);
        if (rest.remove(ID) != null || !(query.get(AND) instanceof List<?> terms)) {
            return rest;
        }
        List<Object> kept = new ArrayList<>(terms);
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i) instanceof Document term && term.size() == 1 && term.containsKey(ID)) {
                kept.remove(i);
                break;
            }
        }
        if (kept.isEmpty()) {
            rest.remove(AND);
        } else {
            rest.put(AND, kept);
        }
        return rest;
    }
}
