package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend commits its file about once a second, so a crash would lose the
 * writes of the last second although every one of them was acknowledged. Here a command that may
 * have changed something is committed and synced to disk before its answer leaves, in groups
 * ({@link GroupCommit}): writers arriving while a sync runs share the next one. Reads never wait.
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that never change the data; anything else waits for durability when the store has unsaved changes. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "aggregate", "distinct", "listcollections",
            "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "getlasterror", "endsessions",
            "killcursors", "dbstats", "collstats", "serverstatus", "getparameter", "whatsmyuri", "getlog", "connectionstatus");

    private final MVStore store;
    private final GroupCommit durability;

    DurableH2Backend(MVStore store) {
        // Set first: the super constructor reopens the databases already in the file, through openOrCreateDatabase.
        this.store = store;
        this.durability = new GroupCommit(() -> {
            store.commit();
            store.sync();
        });
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, store, getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (!READS.contains(command.toLowerCase(Locale.ROOT)) && store.hasUnsavedChanges()) {
                durability.awaitDurable();
            }
        }
    }
}
