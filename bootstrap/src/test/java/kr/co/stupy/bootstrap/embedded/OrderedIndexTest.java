package kr.co.stupy.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's secondary indexes answer exactly what a scan answers: the same random
 * documents, changes and queries go to the indexed H2 store and to mongo-java-server's memory
 * backend (which has no secondary index, so it scans), through the real driver, and every answer
 * is compared, also after the store was closed and its indexes rebuilt from the file.
 */
class OrderedIndexTest {

    private static final String[] WORDS = {"자바", "스프링", "토익", "영어", "java", "spring", "react", "수학"};
    private static final String[] TAGS = {"a", "b", "c", "d", "e", "f"};

    @TempDir
    Path dataDir;
    EmbeddedMongo embedded;
    MongoClient indexedClient;
    MongoServer scanServer;
    MongoClient scanClient;
    MongoCollection<Document> indexed;
    MongoCollection<Document> scanned;
    final SplittableRandom random = new SplittableRandom(20261203L);
    int nextId;

    @BeforeEach
    void start() {
        scanServer = new MongoServer(new MemoryBackend());
        InetSocketAddress address = scanServer.bind();
        scanClient = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        scanned = scanClient.getDatabase("stupy").getCollection("rooms");
        openIndexed();
    }

    private void openIndexed() {
        embedded = EmbeddedMongo.start(dataDir, Optional.empty());
        indexedClient = MongoClients.create(embedded.connectionString());
        indexed = indexedClient.getDatabase("stupy").getCollection("rooms");
        for (MongoCollection<Document> c : List.of(indexed, scanned)) {
            c.createIndex(Indexes.descending("createdAt", "_id"), new IndexOptions().name("latest"));
            c.createIndex(Indexes.compoundIndex(Indexes.ascending("hasSeat"), Indexes.descending("createdAt", "_id")),
                    new IndexOptions().name("open"));
            c.createIndex(Indexes.descending("memberCount", "_id"), new IndexOptions().name("popular"));
            c.createIndex(Indexes.compoundIndex(Indexes.ascending("hashtags"), Indexes.descending("createdAt", "_id")),
                    new IndexOptions().name("by_hashtag"));
            c.createIndex(Indexes.ascending("members.userId"), new IndexOptions().name("by_member"));
            c.createIndex(Indexes.ascending("search"), new IndexOptions().name("by_text"));
            c.createIndex(Indexes.ascending("owner", "seq"), new IndexOptions().name("by_owner_in_order"));
        }
    }

    private void closeIndexed() {
        indexedClient.close();
        embedded.close();
    }

    @AfterEach
    void stop() {
        closeIndexed();
        scanClient.close();
        scanServer.shutdownNow();
    }

    @Test
    void everyAnswerEqualsTheScansThroughChangesAndARestart() {
        for (int i = 0; i < 300; i++) {
            insert();
        }
        for (int round = 0; round < 600; round++) {
            int op = random.nextInt(10);
            if (op == 0) {
                insert();
            } else if (op == 1) {
                Bson which = Filters.eq("_id", someId());
                both(c -> c.deleteOne(which));
            } else if (op <= 3) {
                change();
            } else {
                compareRandomQuery(round);
            }
        }
        closeIndexed();
        openIndexed();
        for (int round = 0; round < 200; round++) {
            compareRandomQuery(round);
        }
    }

    @Test
    void aPageAfterACursorRangeAndAnEmptyResultAgree() {
        for (int i = 0; i < 100; i++) {
            insert();
        }
        Document last = indexed.find().sort(Sorts.descending("createdAt", "_id")).limit(10).into(new ArrayList<>()).getLast();
        Date key = last.getDate("createdAt");
        Bson next = Filters.and(Filters.lte("createdAt", key),
                Filters.or(Filters.lt("createdAt", key), Filters.and(Filters.eq("createdAt", key), Filters.lt("_id", last.getString("_id")))));
        assertSame(q -> q.find(next).sort(Sorts.descending("createdAt", "_id")).limit(10), "the next page");
        assertSame(q -> q.find(Filters.regex("search", Pattern.quote("없는말"))).sort(Sorts.descending("createdAt", "_id")), "nothing");
        assertEquals(List.of(), indexed.find(Filters.eq("hashtags", "zz")).into(new ArrayList<>()), "no such tag");
    }

    @Test
    void aCountOfNumericRangesReadFromTheKeysEqualsTheScans() {
        both(c -> c.createIndex(Indexes.descending("n", "_id"), new IndexOptions().name("by_n")));
        for (int i = 0; i < 400; i++) {
            Document doc = new Document("_id", "n%04d".formatted(i));
            switch (random.nextInt(6)) {
                case 0 -> doc.append("n", "text " + random.nextInt(10));
                case 1 -> { } // no n at all
                case 2 -> doc.append("n", random.nextInt(100) + 0.5);
                default -> doc.append("n", (long) random.nextInt(100));
            }
            both(c -> c.insertOne(doc));
        }
        for (int round = 0; round < 200; round++) {
            Document range = new Document(random.nextBoolean() ? "$gt" : "$gte", (long) random.nextInt(100));
            if (random.nextBoolean()) {
                range.append(random.nextBoolean() ? "$lt" : "$lte", random.nextInt(100) + 0.5);
            }
            Document count = new Document("count", "rooms").append("query", new Document("n", range));
            assertEquals(scanClient.getDatabase("stupy").runCommand(count).get("n"),
                    indexedClient.getDatabase("stupy").runCommand(count).get("n"), "count " + range.toJson());
        }
    }

    @Test
    void onlyAWholeQuotedLiteralIsTestedAsASubstring() {
        assertEquals(Optional.of("a.b"), IndexPlanner.literal(new de.bwaldvogel.mongo.bson.BsonRegularExpression(Pattern.quote("a.b"), "")));
        assertEquals(Optional.empty(), IndexPlanner.literal(new de.bwaldvogel.mongo.bson.BsonRegularExpression(Pattern.quote("a\\Eb"), "")),
                "a quote broken in two is a pattern");
        assertEquals(Optional.empty(), IndexPlanner.literal(new de.bwaldvogel.mongo.bson.BsonRegularExpression(Pattern.quote("ab"), "i")));
        assertEquals(Optional.empty(), IndexPlanner.literal(new de.bwaldvogel.mongo.bson.BsonRegularExpression("a.b", "")));
    }

    private void compareRandomQuery(int round) {
        List<Bson> terms = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            terms.add(Filters.regex("search", Pattern.quote(WORDS[random.nextInt(WORDS.length)])));
        }
        if (random.nextInt(8) == 0) {
            // A regex that is no quoted literal: matched as a pattern over the keys, case folded here.
            terms.add(Filters.regex("search", "^(JAVA|토익) ", "i"));
        }
        if (random.nextInt(3) == 0) {
            terms.add(Filters.eq("hashtags", TAGS[random.nextInt(TAGS.length)]));
        }
        if (random.nextInt(4) == 0) {
            terms.add(Filters.eq("hasSeat", random.nextBoolean()));
        }
        if (random.nextInt(5) == 0) {
            terms.add(Filters.lt("memberCount", random.nextInt(7)));
        }
        if (random.nextInt(6) == 0) {
            terms.add(Filters.eq("members.userId", "u" + random.nextInt(20)));
        }
        if (random.nextInt(6) == 0) {
            terms.add(Filters.eq("owner", "o" + random.nextInt(5)));
        }
        if (random.nextInt(8) == 0) {
            terms.add(Filters.gte("createdAt", new Date(1_000_000L + random.nextInt(1_000_000))));
        }
        Bson filter = terms.isEmpty() ? new Document() : random.nextBoolean() && terms.size() == 1 ? terms.getFirst() : Filters.and(terms);
        Bson sort = switch (random.nextInt(6)) {
            case 0 -> Sorts.descending("createdAt", "_id");
            case 1 -> Sorts.descending("memberCount", "_id");
            case 2 -> Sorts.ascending("createdAt", "_id");
            case 3 -> Sorts.ascending("seq");
            case 4 -> Sorts.descending("owner", "seq");
            default -> null;
        };
        int limit = sort == null ? 0 : new int[] {0, 1, 5, 21}[random.nextInt(4)];
        String what = "round " + round + ": " + filter + " sort " + sort + " limit " + limit;
        if (sort == null) {
            // No order asked, so none is promised (the memory backend keeps insertion order): compare the sets.
            assertEquals(byId(scanned.find(filter)), byId(indexed.find(filter)), what);
        } else {
            // A total order: ties of the asked order are broken by _id on both sides.
            assertSame(c -> c.find(filter).sort(Sorts.orderBy(sort, Sorts.ascending("_id"))).limit(limit), what);
        }
        assertEquals(scanned.countDocuments(filter), indexed.countDocuments(filter), what);
    }

    private static List<Document> byId(FindIterable<Document> found) {
        List<Document> documents = found.into(new ArrayList<>());
        documents.sort(java.util.Comparator.comparing((Document d) -> d.getString("_id")));
        return documents;
    }

    private void assertSame(java.util.function.Function<MongoCollection<Document>, FindIterable<Document>> query, String what) {
        assertEquals(query.apply(scanned).into(new ArrayList<>()), query.apply(indexed).into(new ArrayList<>()), what);
    }

    private void insert() {
        String id = "r%04d".formatted(nextId++);
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        List<Document> members = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            members.add(new Document("userId", "u" + random.nextInt(20)));
        }
        int memberCount = random.nextInt(7);
        Document room = new Document("_id", id)
                .append("createdAt", new Date(1_000_000L + random.nextInt(1_000_000)))
                .append("search", WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " 스터디")
                .append("hashtags", tags)
                .append("memberCount", memberCount)
                .append("hasSeat", memberCount < 6)
                .append("members", members)
                .append("owner", "o" + random.nextInt(5))
                .append("seq", random.nextInt(50));
        if (random.nextInt(10) == 0) {
            room.remove("owner");
        }
        both(c -> c.insertOne(new Document(room)));
    }

    private void change() {
        Bson which = Filters.eq("_id", someId());
        Bson update = switch (random.nextInt(4)) {
            case 0 -> Updates.combine(Updates.inc("memberCount", 1), Updates.set("hasSeat", random.nextBoolean()));
            case 1 -> Updates.set("hashtags", List.of(TAGS[random.nextInt(TAGS.length)]));
            case 2 -> Updates.set("search", WORDS[random.nextInt(WORDS.length)] + " 바뀐 방");
            default -> Updates.push("members", new Document("userId", "u" + random.nextInt(20)));
        };
        both(c -> c.updateOne(which, update));
        if (random.nextInt(5) == 0) {
            // A change of many at once, by a secondary key.
            Bson byOwner = Filters.eq("owner", "o" + random.nextInt(5));
            both(c -> c.updateMany(byOwner, Updates.inc("seq", 1)));
        }
    }

    private String someId() {
        return "r%04d".formatted(random.nextInt(Math.max(1, nextId)));
    }

    private void both(java.util.function.Consumer<MongoCollection<Document>> change) {
        change.accept(scanned);
        change.accept(indexed);
    }
}
