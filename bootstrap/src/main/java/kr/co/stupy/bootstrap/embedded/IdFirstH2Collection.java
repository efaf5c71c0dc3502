package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server uses an index only when a query names exactly that index's fields, so every
 * conditional single-document update ({@code {$and: [{_id: x}, {endedAt: null}]}}, {@code {_id: x,
 * memberCount: {$lt: 5}}}) scanned the whole collection: a heartbeat or a join cost a pass over
 * every study session or room. Here a query that pins {@code _id} (a value or an {@code $in}, at
 * the top or as one term of a top-level {@code $and}) reads those documents through the {@code _id}
 * index, and the whole query is then matched on them alone.
 */
final class IdFirstH2Collection extends H2Collection {

    private static final String ID = "_id";
    private static final String AND = "$and";

    IdFirstH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
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
                    return matchDocuments(query, index.getPositions(byId.get()), orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** {@code {_id: …}} when the query only matches documents with that id; empty when the plain path already serves it. */
    static Optional<Document> idTerm(Document query) {
        if (query.size() > 1 && query.containsKey(ID)) {
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
}
