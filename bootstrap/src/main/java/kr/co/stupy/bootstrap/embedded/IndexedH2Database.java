package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database whose collections read through their indexes (see
 * {@link IndexedH2Collection}) and keep every index in memory ({@link MemoryUniqueIndex},
 * {@link OrderedIndex}), rebuilt from the documents when the database opens. It opens a collection's maps under the names
 * {@link H2Database} gives them in mongo-java-server 1.47, so files written by either read the same.
 */
final class IndexedH2Database extends H2Database {

    private final MVStore store;
    private final CursorRegistry cursors;

    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        // Set before the super constructor runs: it opens the collections that already exist.
        this.store = store;
        this.cursors = cursors;
        super(name, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        // Files written before kept this index as an H2 map; it is rebuilt in memory from the documents now.
        String legacyMap = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        if (store.hasMap(legacyMap)) {
            store.removeMap(legacyMap);
        }
        return new MemoryUniqueIndex(indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new OrderedIndex(indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new IndexedH2Collection(this, collectionName, options, store.openMap("databases." + namespace, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType())),
                store.openMap("meta." + namespace), cursors);
    }
}
