package kr.co.stupy.bootstrap.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyLedger;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyRollups;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudySession;
import org.bson.Document;

/**
 * Not a test: a program that times the reaper's question, "which open sessions stopped beating?",
 * on the embedded store (the durable H2 file a default node runs on) holding {@code finished}
 * finished sessions and {@code open} open ones, half of them silent for ten minutes.
 * <p>
 * The open sessions are written straight into {@code study_sessions}, as a version without
 * {@code study_open_sessions} left them. It times, {@code rounds} times, the query the reaper ran
 * before (open sessions by heartbeat in {@code study_sessions}, which the embedded store answers
 * with a full scan; its first round also waits for the store to settle after the bulk load, hence
 * p50 and max); then the first {@link MongoStudyLedger}, which copies the open sessions into their
 * entries with one such scan, a later start, and {@link MongoStudyLedger#openWithHeartbeatBefore}
 * as it is now, {@code rounds} times. The data directory is deleted at the end.
 * <p>
 * Arguments: {@code finished open rounds} (defaults 500000 20 10).
 */
public final class ReaperBenchmark {

    public static void main(String[] args) throws Exception {
        int finished = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int open = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dataDir = TestNode.freshDataDir();
        System.out.printf("finished=%,d open=%d rounds=%d; data=%s%n", finished, open, rounds, dataDir);
        try (EmbeddedMongo embedded = EmbeddedMongo.start(dataDir, Optional.empty());
             MongoStore store = MongoStore.connect(embedded.connectionString())) {
            MongoDatabase db = store.database();
            MongoCollection<Document> sessions = db.getCollection("study_sessions");
            Instant now = Instant.now();
            // A database an older version started on: its indexes declared (declaring them on millions of documents
            // takes the embedded store minutes, which an upgrade never pays), but no open entries.
            new MongoStudyLedger(db);
            db.getCollection("migrations").deleteMany(new Document());

            // A minute apart, oldest first: ids begin with the start time, so batches go in _id order (see StatsBenchmark).
            long loadStart = System.nanoTime();
            List<UserId> users = new ArrayList<>();
            for (int u = 0; u < 1_000; u++) {
                users.add(UserId.newId());
            }
            List<RoomId> rooms = new ArrayList<>();
            for (int r = 0; r < 100; r++) {
                rooms.add(RoomId.newId());
            }
            Instant first = now.minusSeconds(60L * finished + 86_400);
            List<StudySession> batch = new ArrayList<>(5_000);
            for (int i = 0; i < finished; i++) {
                Instant start = first.plusSeconds(60L * i);
                Instant end = start.plusSeconds(45);
                batch.add(new StudySession(Ids.newId(start), users.get(i % users.size()), rooms.get(i % rooms.size()), start, end,
                        Optional.of(end)));
                if (batch.size() == 5_000 || i == finished - 1) {
                    batch.sort(Comparator.comparing(StudySession::id));
                    MongoStudyRollups.insertInOrder(sessions, batch, MongoStudyLedger::document);
                    batch.clear();
                }
            }
            int expectedStale = 0;
            for (int i = 0; i < open; i++) {
                Instant start = now.minusSeconds(3_600);
                boolean silent = i % 2 == 0;
                Instant beat = silent ? now.minusSeconds(600) : now;
                expectedStale += silent ? 1 : 0;
                sessions.insertOne(MongoStudyLedger.document(new StudySession(Ids.newId(start), users.get(i), rooms.get(i % rooms.size()),
                        start, beat, Optional.empty())));
            }
            System.out.printf("loaded %,d sessions in %.0f s%n", finished + open, (System.nanoTime() - loadStart) / 1e9);

            Instant cutoff = now.minusSeconds(45);
            int stale = expectedStale;
            time("before: open sessions by heartbeat in study_sessions", rounds, stale, () -> sessions
                    .find(and(eq("endedAt", null), lt("lastHeartbeatAt", Date.from(cutoff)))).sort(Sorts.ascending("startedAt", "_id"))
                    .into(new ArrayList<>()).size());
            long t = System.nanoTime();
            MongoStudyLedger ledger = new MongoStudyLedger(db);
            System.out.printf("first start (copies %d open sessions, one scan of the ledger): %8.1f ms%n", open, (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            ledger = new MongoStudyLedger(db);
            System.out.printf("every later start:                                         %8.1f ms%n", (System.nanoTime() - t) / 1e6);

            MongoStudyLedger reaperLedger = ledger;
            time("now: openWithHeartbeatBefore (study_open_sessions)", rounds, stale,
                    () -> reaperLedger.openWithHeartbeatBefore(cutoff).size());
        }
        try (var files = java.nio.file.Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static void time(String what, int rounds, int expected, IntSupplier query) {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            int found = query.getAsInt();
            nanos[i] = System.nanoTime() - start;
            if (found != expected) {
                throw new IllegalStateException(what + " found " + found + ", expected " + expected);
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-54s n=%d  p50 %9.2f ms  max %9.2f ms  (%d stale)%n", what, rounds, nanos[rounds / 2] / 1e6,
                nanos[rounds - 1] / 1e6, expected);
    }
}
