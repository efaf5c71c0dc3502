package kr.co.stupy.adapter.mongo;

import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * The database Mongo adapter tests run against: {@code STUPY_TEST_MONGO_URI} when set (a real
 * MongoDB), otherwise mongo-java-server on a random port, always through the real driver. Each
 * call gives a database of its own, so tests never see each other's documents.
 */
public final class TestMongo {

    private static MongoStore store;

    private TestMongo() {
    }

    public static synchronized MongoDatabase freshDatabase() {
        if (store == null) {
            String uri = System.getenv("STUPY_TEST_MONGO_URI");
            if (uri == null || uri.isBlank()) {
                MongoServer server = new MongoServer(new MemoryBackend());
                server.bind("127.0.0.1", 0);
                InetSocketAddress address = server.getLocalAddress();
                uri = "mongodb://127.0.0.1:" + address.getPort();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            }
            store = MongoStore.connect(uri);
        }
        return store.database("t" + UUID.randomUUID().toString().replace("-", ""));
    }
}
