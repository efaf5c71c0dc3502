package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend commits its file about once a second, so a crash would lose the
 * writes of the last second although every one of them was acknowledged. Here a command that
 * changed anything is committed and synced to disk before its answer leaves. One lock serialises
 * commits, so a caller that finds nothing left to commit knows an earlier commit, already on
 * disk, carried its change.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;
    private final Object commitLock = new Object();

    DurableH2Backend(MVStore store) {
        // Set first: the super constructor reopens the databases already in the file, through openOrCreateDatabase.
        this.store = store;
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdFirstH2Database(databaseName, store, getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            makeDurable();
        }
    }

    private void makeDurable() {
        if (!store.hasUnsavedChanges()) {
            return;
        }
        synchronized (commitLock) {
            if (store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
            }
        }
    }
}
