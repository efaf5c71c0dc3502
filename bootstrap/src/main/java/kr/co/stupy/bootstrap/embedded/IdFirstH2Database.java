package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database whose collections look a document up by {@code _id} first (see
 * {@link IdFirstH2Collection}). It opens a collection's maps under the names {@link H2Database}
 * gives them in mongo-java-server 1.47, so files written by either read the same.
 */
final class IdFirstH2Database extends H2Database {

    private final MVStore store;
    private final CursorRegistry cursors;

    IdFirstH2Database(String name, MVStore store, CursorRegistry cursors) {
        // Set before the super constructor runs: it opens the collections that already exist.
        this.store = store;
        this.cursors = cursors;
        super(name, store, cursors);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new IdFirstH2Collection(this, collectionName, options, store.openMap("databases." + namespace),
                store.openMap("meta." + namespace), cursors);
    }
}
