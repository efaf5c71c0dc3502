package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend commits its file about once a second, so a crash would lose the
 * writes of the last second although every one of them was acknowledged. Here a command that may
 * have changed something is committed and synced to disk before its answer leaves, in groups
 * ({@link GroupCommit}): writers arriving while a sync runs share the next one. Reads never wait.
 * Every connection must first authenticate ({@link ScramGate}).
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that never change the data; anything else waits for durability when the store has unsaved changes. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "aggregate", "distinct", "listcollections",
            "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "getlasterror", "endsessions",
            "killcursors", "dbstats", "collstats", "serverstatus", "getparameter", "whatsmyuri", "getlog", "connectionstatus");

    private final MVStore store;
    private final GroupCommit durability;
    private final ScramGate gate;

    DurableH2Backend(MVStore store, ScramGate gate) {
        // Set first: the super constructor reopens the databases already in the file, through openOrCreateDatabase.
        this.store = store;
        this.gate = gate;
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
        // Every command of OP_MSG and OP_QUERY on $cmd comes through here, so this is the one door to guard.
        if (gate.converses(command)) {
            return gate.answer(channel, command, query);
        }
        gate.requireAuthenticated(channel, command);
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (!READS.contains(command.toLowerCase(Locale.ROOT)) && store.hasUnsavedChanges()) {
                durability.awaitDurable();
            }
        }
    }

    /** A legacy OP_QUERY on a collection, the one way to data that does not pass {@link #handleCommand}. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        gate.requireAuthenticated(query.getChannel(), "find");
        return super.handleQuery(query);
    }
}
