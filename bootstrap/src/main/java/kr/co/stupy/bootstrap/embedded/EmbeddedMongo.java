package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of a node started with no {@code STUPY_MONGO_URI}: mongo-java-server over an H2
 * file in the data directory, spoken to through the real driver like any MongoDB. It listens on
 * 127.0.0.1 only, on {@code STUPY_EMBEDDED_MONGO_PORT} when other local nodes should share it.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
    public static final String FILE_NAME = "stupy.mv.db";
    /** Up to 512 MB of page cache, but never more than a quarter of the heap this JVM may use. */
    private static final int CACHE_MB = (int) Math.min(512, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));

    /**
     * Threads that run commands. A write holds its thread until the group sync that carries it is
     * on disk, so the number of writes that can share one sync is bounded by this, not by the cores.
     */
    static final int WORKER_THREADS = 64;

    private final MongoServer server;
    private final MVStore store;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, MVStore store, InetSocketAddress address) {
        this.server = server;
        this.store = store;
        this.address = address;
    }

    public static EmbeddedMongo start(Path dataDir, Optional<Integer> port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        // The embedded store has no secondary indexes, so every search scans a collection; with H2's
        // default 16 MB page cache a scan of 100,000 rooms re-reads and re-decodes pages from disk each time.
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open();
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        try {
            server.bind(new InetSocketAddress("127.0.0.1", port.orElse(0)), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            server.shutdownNow();
            store.close();
            throw new IllegalStateException("the embedded database cannot listen on 127.0.0.1:" + port.orElse(0)
                    + " (is the port taken?)", e);
        }
        InetSocketAddress address = server.getLocalAddress();
        LOG.info("embedded database {} on 127.0.0.1:{}{}", file, address.getPort(),
                port.isPresent() ? " (shared with local nodes)" : "");
        return new EmbeddedMongo(server, store, address);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort() + "/stupy";
    }

    @Override
    public void close() {
        server.shutdown();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
