package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import kr.co.stupy.bootstrap.config.DataDirectory;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of a node started with no {@code STUPY_MONGO_URI}: mongo-java-server over an H2
 * file in the data directory, spoken to through the real driver like any MongoDB. It listens on
 * 127.0.0.1 only, on {@code STUPY_EMBEDDED_MONGO_PORT} when other local nodes should share it.
 * Loopback is not a wall between the users of one machine, so every connection, this node's own
 * too, must authenticate with the password kept in the data directory ({@link ScramGate}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
    public static final String FILE_NAME = "stupy.mv.db";
    /** Where the connection string other local nodes need is written when the port is exposed ({@code 600}). */
    public static final String URI_FILE_NAME = "embedded-mongo.uri";
    /** Up to 512 MB of page cache, but never more than a quarter of the heap this JVM may use. */
    private static final int CACHE_MB = (int) Math.min(512, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));

    /**
     * Threads that run commands. A write holds its thread until the group sync that carries it is
     * on disk, so the number of writes that can share one sync is bounded by this, not by the cores.
     */
    static final int WORKER_THREADS = 64;

    private static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";

    private final MongoServer server;
    private final MVStore store;
    private final InetSocketAddress address;
    private final EmbeddedCredential credential;

    private EmbeddedMongo(MongoServer server, MVStore store, InetSocketAddress address, EmbeddedCredential credential) {
        this.server = server;
        this.store = store;
        this.address = address;
        this.credential = credential;
    }

    public static EmbeddedMongo start(Path dataDir, Optional<Integer> port) {
        DataDirectory.createIfMissing(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        ownerOnlyDatabaseFile(file);
        EmbeddedCredential credential = EmbeddedCredential.resolve(dataDir);
        // The embedded store has no secondary indexes, so every search scans a collection; with H2's
        // default 16 MB page cache a scan of 100,000 rooms re-reads and re-decodes pages from disk each time.
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open();
        // Netty's leak detector records a stack trace for one buffer in 128 by default; the server's buffers are
        // plain heap ones it releases itself, so under load that was all cost (2,400 traces in a 20 s signal run).
        if (System.getProperty(NETTY_LEAK_DETECTION) == null) {
            System.setProperty(NETTY_LEAK_DETECTION, "disabled");
        }
        MongoServer server = new MongoServer(new DurableH2Backend(store, new ScramGate(credential.user(), credential.password())));
        try {
            server.bind(new InetSocketAddress("127.0.0.1", port.orElse(0)), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            server.shutdownNow();
            store.close();
            throw new IllegalStateException("the embedded database cannot listen on 127.0.0.1:" + port.orElse(0)
                    + " (is the port taken?)", e);
        }
        InetSocketAddress address = server.getLocalAddress();
        EmbeddedMongo embedded = new EmbeddedMongo(server, store, address, credential);
        if (port.isPresent()) {
            Path uriFile = dataDir.resolve(URI_FILE_NAME);
            try {
                writeOwnerOnly(uriFile, embedded.connectionString() + "\n");
            } catch (IOException | RuntimeException e) {
                embedded.close();
                throw new IllegalStateException("cannot write " + uriFile, e);
            }
            LOG.info("embedded database {} on 127.0.0.1:{} (shared with local nodes: STUPY_MONGO_URI={}, the full URI is in {})",
                    file, address.getPort(), embedded.maskedConnectionString(), uriFile);
        } else {
            forgetSharedUri(dataDir.resolve(URI_FILE_NAME));
            LOG.info("embedded database {} on 127.0.0.1:{}", file, address.getPort());
        }
        return embedded;
    }

    /**
     * The connection string of this database, with its credential: what this node uses, and what
     * other local nodes are given (through {@value #URI_FILE_NAME}) when the port is exposed.
     */
    public String connectionString() {
        return "mongodb://" + credential.user() + ":" + credential.password() + "@127.0.0.1:" + address.getPort()
                + "/stupy?authSource=admin&authMechanism=" + ScramGate.MECHANISM;
    }

    String maskedConnectionString() {
        return "mongodb://" + credential.user() + ":****@127.0.0.1:" + address.getPort()
                + "/stupy?authSource=admin&authMechanism=" + ScramGate.MECHANISM;
    }

    /**
     * H2 makes its file with the process's umask (often 644). A new file is made empty and
     * {@code 600} first, which H2 takes as a new store; one an earlier version made wider is narrowed.
     */
    private static void ownerOnlyDatabaseFile(Path file) {
        try {
            Files.createFile(file, DataDirectory.ownerOnlyAttribute(file.getParent()));
        } catch (FileAlreadyExistsException e) {
            DataDirectory.ownerOnly(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database file " + file, e);
        }
    }

    /** A URI left by an earlier start that exposed the port names a port nobody listens on now. */
    private static void forgetSharedUri(Path uriFile) {
        try {
            Files.deleteIfExists(uriFile);
        } catch (IOException e) {
            LOG.warn("cannot delete the stale {} ({})", uriFile, e.toString());
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                DataDirectory.ownerOnlyAttribute(file.getParent()));
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
