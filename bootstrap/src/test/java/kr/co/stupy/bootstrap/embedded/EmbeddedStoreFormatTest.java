package kr.co.stupy.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded store writes and reads back: documents as BSON, unique indexes rebuilt in memory
 * at every start ({@link MemoryUniqueIndex}), and files written by mongo-java-server's own H2
 * backend (Java-serialised documents, unique indexes kept as H2 maps) still open with every document
 * and every unique key.
 */
class EmbeddedStoreFormatTest {

    @TempDir
    Path dataDir;

    @Test
    void everyBsonValueComesBackTheSameAfterARestart() {
        Document original = everyKindOfValue("a");
        withEmbedded(collection -> collection.insertOne(original));

        withEmbedded(collection -> assertEquals(original, collection.find(new Document("_id", "a")).first()));
    }

    @Test
    void uniqueKeysHoldBeforeAndAfterARestart() {
        withEmbedded(collection -> {
            collection.createIndex(Indexes.ascending("clientKey"), new IndexOptions().unique(true).sparse(true));
            collection.insertOne(new Document("_id", "a").append("clientKey", "k1"));
            collection.insertOne(new Document("_id", "b"));
            collection.insertOne(new Document("_id", "c"));
            assertDuplicate(() -> collection.insertOne(new Document("_id", "a")));
            assertDuplicate(() -> collection.insertOne(new Document("_id", "d").append("clientKey", "k1")));
        });

        withEmbedded(collection -> {
            assertDuplicate(() -> collection.insertOne(new Document("_id", "a")));
            assertDuplicate(() -> collection.insertOne(new Document("_id", "d").append("clientKey", "k1")));
            collection.insertOne(new Document("_id", "e"));
            collection.deleteOne(new Document("_id", "a"));
            collection.insertOne(new Document("_id", "f").append("clientKey", "k1"));
            assertEquals(List.of("b", "c", "e", "f"), ids(collection));
            assertEquals("f", collection.find(new Document("clientKey", "k1")).first().getString("_id"));
        });
    }

    @Test
    void aFileWrittenByTheStockH2BackendOpensWithEveryDocumentAndKey() {
        Path file = dataDir.resolve(EmbeddedMongo.FILE_NAME);
        MVStore stockStore = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer stock = new MongoServer(new H2Backend(stockStore));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(stock.bind()))) {
            MongoCollection<Document> collection = client.getDatabase("stupy").getCollection("things");
            collection.createIndex(Indexes.ascending("clientKey"), new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < 200; i++) {
                collection.insertOne(everyKindOfValue("id" + i).append("clientKey", "k" + i));
            }
        } finally {
            stock.shutdownNow();
            stockStore.close();
        }

        withEmbedded(collection -> {
            assertEquals(200, collection.countDocuments());
            assertEquals(everyKindOfValue("id7").append("clientKey", "k7"), collection.find(new Document("_id", "id7")).first());
            assertDuplicate(() -> collection.insertOne(new Document("_id", "id8")));
            assertDuplicate(() -> collection.insertOne(new Document("_id", "new").append("clientKey", "k9")));
        });
        MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
        try {
            assertFalse(reopened.getMapNames().stream().anyMatch(name -> name.contains("._index_")),
                    "the stock backend's unique-index maps are gone: they would go stale");
        } finally {
            reopened.close();
        }
    }

    private void withEmbedded(Consumer<MongoCollection<Document>> work) {
        try (EmbeddedMongo embedded = EmbeddedMongo.start(dataDir, Optional.empty());
             MongoClient client = MongoClients.create(embedded.connectionString())) {
            work.accept(client.getDatabase("stupy").getCollection("things"));
        }
    }

    private static Document everyKindOfValue(String id) {
        return new Document("_id", id)
                .append("text", "공부 중 ✏️")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 2.5)
                .append("flag", true)
                .append("nothing", null)
                .append("when", Date.from(Instant.parse("2026-12-04T05:00:00Z")))
                .append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("bytes", new Binary(new byte[] {0, 1, 2, (byte) 0xff}))
                .append("list", List.of("a", 1, new Document("nested", List.of())))
                .append("doc", new Document("x", new Document("y", 1.0)));
    }

    private static void assertDuplicate(Runnable insert) {
        MongoWriteException refused = assertThrows(MongoWriteException.class, insert::run);
        assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(refused.getCode()));
    }

    private static List<String> ids(MongoCollection<Document> collection) {
        return collection.find().sort(new Document("_id", 1)).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
