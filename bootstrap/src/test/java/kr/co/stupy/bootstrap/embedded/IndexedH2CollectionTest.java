package kr.co.stupy.bootstrap.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries that pin {@code _id} and add conditions, now served through the {@code _id} index,
 * answer exactly what the scan did, through the real driver. (What it saves is measured by the
 * live benchmark, not asserted here.)
 */
class IndexedH2CollectionTest {

    @TempDir
    Path dataDir;
    EmbeddedMongo embedded;
    MongoClient client;
    MongoCollection<Document> sessions;

    @BeforeEach
    void start() {
        embedded = EmbeddedMongo.start(dataDir, Optional.empty());
        client = MongoClients.create(embedded.connectionString());
        sessions = client.getDatabase("stupy").getCollection("sessions");
    }

    @AfterEach
    void stop() {
        client.close();
        embedded.close();
    }

    @Test
    void aCountOfARangeAfterAnEqualityIsAnsweredFromTheIndexExactlyAsAScanAnswersIt() {
        MongoCollection<Document> periods = client.getDatabase("stupy").getCollection("periods");
        periods.createIndex(com.mongodb.client.model.Indexes.compoundIndex(com.mongodb.client.model.Indexes.ascending("bucket"),
                com.mongodb.client.model.Indexes.descending("seconds"), com.mongodb.client.model.Indexes.ascending("user")));
        java.util.Random random = new java.util.Random(7);
        List<Document> documents = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            documents.add(new Document("_id", "d" + i).append("bucket", "b" + random.nextInt(3)).append("seconds", (long) random.nextInt(50))
                    .append("user", "u" + i));
        }
        periods.insertMany(documents);
        for (String bucket : List.of("b0", "b1", "b2", "none")) {
            for (long above : List.of(-1L, 0L, 10L, 25L, 49L, 60L)) {
                long scanned = documents.stream().filter(d -> d.getString("bucket").equals(bucket) && d.getLong("seconds") > above).count();
                Document query = new Document("bucket", bucket).append("seconds", new Document("$gt", above));
                Document reply = client.getDatabase("stupy").runCommand(new Document("count", "periods").append("query", query));
                assertEquals(scanned, reply.get("n", Number.class).longValue(), bucket + " above " + above);
                Document between = new Document("bucket", bucket).append("seconds", new Document("$gte", above).append("$lt", above + 7));
                long scannedBetween = documents.stream().filter(d -> d.getString("bucket").equals(bucket) && d.getLong("seconds") >= above
                        && d.getLong("seconds") < above + 7).count();
                assertEquals(scannedBetween, client.getDatabase("stupy").runCommand(new Document("count", "periods").append("query", between))
                        .get("n", Number.class).longValue(), bucket + " from " + above);
            }
        }
    }

    @Test
    void conditionsBesideTheIdAreStillMatched() {
        sessions.insertMany(List.of(new Document("_id", "a").append("endedAt", null).append("beat", 10),
                new Document("_id", "b").append("endedAt", 5).append("beat", 10),
                new Document("_id", "c").append("endedAt", null).append("beat", 30)));

        assertEquals(1, sessions.updateOne(and(eq("_id", "a"), eq("endedAt", null), lt("beat", 20)), Updates.set("beat", 20)).getModifiedCount());
        assertEquals(0, sessions.updateOne(and(eq("_id", "b"), eq("endedAt", null)), Updates.set("beat", 99)).getModifiedCount(),
                "an ended one does not match");
        assertEquals(1, sessions.updateMany(and(in("_id", List.of("a", "b", "c", "x")), eq("endedAt", null), lt("beat", 25)),
                Updates.set("beat", 25)).getModifiedCount(), "only a still has an older beat");
        assertEquals(List.of("a", "c"), ids(sessions.find(new Document("_id", new Document("$in", List.of("a", "b", "c")))
                .append("endedAt", null))));
        assertEquals(List.of(25, 10, 30), sessions.find().sort(new Document("_id", 1)).map(d -> d.getInteger("beat")).into(new ArrayList<>()));
        assertEquals(List.of(), ids(sessions.find(and(eq("_id", "nobody"), eq("endedAt", null)))));
    }

    @Test
    void aLongIdListIsAnsweredByTheIndexAndTheOtherConditionsStillHold() {
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            stored.add(new Document("_id", "s" + i).append("endedAt", i % 3 == 0 ? 1 : null));
        }
        sessions.insertMany(stored);
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 2_500; i += 2) {
            asked.add("s" + i);
        }
        asked.add("missing");

        List<String> open = ids(sessions.find(and(in("_id", asked), eq("endedAt", null))));
        List<String> expected = asked.stream().filter(id -> !id.equals("missing") && Integer.parseInt(id.substring(1)) % 3 != 0).toList();
        assertEquals(expected.stream().sorted().toList(), open.stream().sorted().toList());
        assertEquals(asked.size() - 1, ids(sessions.find(in("_id", asked))).size(), "an $in alone: every listed id that exists");
        assertEquals(expected.size(), sessions.updateMany(and(in("_id", asked), eq("endedAt", null)), Updates.set("endedAt", 2))
                .getModifiedCount());
    }

    @Test
    void theIdTermTheIndexAnsweredIsTheOnlyOneLeftOut() {
        var listed = new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"));
        var top = new de.bwaldvogel.mongo.bson.Document("_id", listed).append("x", 1);
        assertEquals(new de.bwaldvogel.mongo.bson.Document("x", 1), IndexedH2Collection.withoutIdTerm(top));
        var and = new de.bwaldvogel.mongo.bson.Document("$and", List.of(new de.bwaldvogel.mongo.bson.Document("_id", listed),
                new de.bwaldvogel.mongo.bson.Document("x", 1), new de.bwaldvogel.mongo.bson.Document("_id", "c")));
        assertEquals(new de.bwaldvogel.mongo.bson.Document("$and", List.of(new de.bwaldvogel.mongo.bson.Document("x", 1),
                new de.bwaldvogel.mongo.bson.Document("_id", "c"))), IndexedH2Collection.withoutIdTerm(and), "a second id term stays");
        assertTrue(IndexedH2Collection.exactIdTerm(new de.bwaldvogel.mongo.bson.Document("_id", listed)));
        assertFalse(IndexedH2Collection.exactIdTerm(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", java.util.Arrays.asList("a", null)))), "null also matches a missing _id");
        assertFalse(IndexedH2Collection.exactIdTerm(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", "a"))));
    }

    @Test
    void queriesTheIndexCannotServeTakeThePlainPath() {
        assertEquals(Optional.empty(), IndexedH2Collection.idTerm(new de.bwaldvogel.mongo.bson.Document("_id", "a")),
                "an id alone is already served by the index");
        assertEquals(Optional.empty(), IndexedH2Collection.idTerm(new de.bwaldvogel.mongo.bson.Document("endedAt", null)));
        assertTrue(IndexedH2Collection.idTerm(new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a"), new de.bwaldvogel.mongo.bson.Document("x", 1)))).isPresent());
        sessions.insertMany(List.of(new Document("_id", "a").append("n", 1), new Document("_id", "b").append("n", 2)));
        assertEquals(List.of("b"), ids(sessions.find(and(new Document("_id", new Document("$gt", "a")), eq("n", 2)))),
                "a range on _id is no index look-up, and still answers right");
    }

    private static List<String> ids(Iterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
