package kr.co.stupy.bootstrap.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.rooms.MongoRooms;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyLedger;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyRollups;
import kr.co.stupy.bootstrap.Stupy;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import org.bson.Document;

/**
 * Not a test: a program that fills a real node's embedded store with {@code users} users studying
 * every day for {@code days} days (one session a day, 30 to 180 minutes, at a random hour) in
 * {@code rooms} rooms, bulk-loaded through the Mongo driver with {@code insertMany} (sessions, and
 * the per-day roll-ups exactly as finishing those sessions would have written them), then times
 * the statistics and ranking routes over HTTP and prints p50/p99.
 * <p>
 * Arguments: {@code users days rooms requests rankingRequests} (defaults 10000 365 1000 300 50).
 */
public final class StatsBenchmark {

    static final StudyDayPolicy POLICY = new StudyDayPolicy(ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0));
    static final int BATCH = 5_000;
    static final int SAMPLE_USERS = 200;

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int roomCount = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        // A ranking of a period scans every (room, day) total in the embedded store (it ignores secondary indexes): fewer by default.
        int rankingRequests = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int dbPort;
        try (ServerSocket free = new ServerSocket(0)) {
            dbPort = free.getLocalPort();
        }
        Settings settings = new Settings(0, TestNode.freshDataDir(), Optional.empty(), Optional.of(dbPort), Optional.empty(),
                Optional.empty(), Optional.of(true), POLICY.zone(), POLICY.dayStart(), Optional.empty(),
                Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled());
        System.out.printf("users=%d days=%d rooms=%d requests: stats %d, rankings %d; data=%s%n", users, days, roomCount, requests,
                rankingRequests, settings.dataDir());
        try (Stupy node = Stupy.start(settings); MongoStore store = MongoStore.connect("mongodb://127.0.0.1:" + dbPort)) {
            Api api = new Api("http://127.0.0.1:" + node.port());
            MongoDatabase db = store.database();

            // Real accounts (for tokens) and real rooms (for the ranking's room views), made through the API.
            long t0 = System.nanoTime();
            List<Api.Session> sample = new ArrayList<>();
            for (int i = 0; i < Math.min(SAMPLE_USERS, users); i++) {
                sample.add(api.devLogin("bench" + i));
            }
            List<RoomId> rooms = new ArrayList<>();
            for (int i = 0; i < roomCount; i++) {
                Api.Session owner = sample.get(i % sample.size());
                var created = api.post("/api/rooms", owner, Map.of("title", "bench room " + i, "description", "benchmark"));
                if (created.status() != 201) {
                    throw new IllegalStateException("room " + i + ": " + created.raw());
                }
                rooms.add(new RoomId(created.body().get("id").asText()));
            }
            System.out.printf("accounts and rooms: %.1f s%n", (System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            LocalDate today = POLICY.dayOf(Instant.now());
            LocalDate first = today.minusDays(days);
            MongoCollection<Document> sessions = db.getCollection("study_sessions");
            MongoCollection<Document> userDays = db.getCollection("study_user_days");
            List<Document> sessionBatch = new ArrayList<>(BATCH);
            List<Document> userDayBatch = new ArrayList<>(BATCH);
            Map<StudyRollups.DayKey, Long> roomDays = new HashMap<>();
            long[] roomTotals = new long[roomCount];
            SplittableRandom random = new SplittableRandom(42);
            long loaded = 0;
            for (int u = 0; u < users; u++) {
                UserId user = u < sample.size() ? new UserId(sample.get(u).userId()) : new UserId(Ids.newId(Instant.now()));
                int roomIndex = u % roomCount;
                RoomId room = rooms.get(roomIndex);
                Map<LocalDate, Long> mine = new HashMap<>();
                for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                    Instant start = POLICY.startOf(day).plusSeconds(random.nextLong(20 * 3600));
                    Instant end = start.plusSeconds(1800 + random.nextLong(150 * 60));
                    StudySession session = new StudySession(Ids.newId(start), user, room, start, end, Optional.of(end));
                    sessionBatch.add(MongoStudyLedger.document(session));
                    StudyRollups.piecesOf(session, POLICY).forEach((d, s) -> {
                        mine.merge(d, s, Long::sum);
                        roomDays.merge(new StudyRollups.DayKey(room.value(), d), s, Long::sum);
                    });
                    roomTotals[roomIndex] += session.counted(end).toSeconds();
                    if (sessionBatch.size() == BATCH) {
                        sessions.insertMany(sessionBatch, new InsertManyOptions().ordered(false));
                        loaded += sessionBatch.size();
                        sessionBatch.clear();
                    }
                }
                mine.forEach((d, s) -> userDayBatch.add(MongoStudyRollups.document("userId", user.value(), d, s)));
                if (userDayBatch.size() >= BATCH) {
                    userDays.insertMany(userDayBatch, new InsertManyOptions().ordered(false));
                    userDayBatch.clear();
                }
                if ((u + 1) % 1000 == 0) {
                    System.out.printf("  %d users, %d sessions, %.0f s%n", u + 1, loaded, (System.nanoTime() - t0) / 1e9);
                }
            }
            if (!sessionBatch.isEmpty()) {
                sessions.insertMany(sessionBatch);
                loaded += sessionBatch.size();
            }
            if (!userDayBatch.isEmpty()) {
                userDays.insertMany(userDayBatch);
            }
            List<Document> roomDayBatch = new ArrayList<>(BATCH);
            for (var total : roomDays.entrySet()) {
                roomDayBatch.add(MongoStudyRollups.document("roomId", total.getKey().ownerId(), total.getKey().day(), total.getValue()));
                if (roomDayBatch.size() == BATCH) {
                    db.getCollection("study_room_days").insertMany(roomDayBatch);
                    roomDayBatch.clear();
                }
            }
            if (!roomDayBatch.isEmpty()) {
                db.getCollection("study_room_days").insertMany(roomDayBatch);
            }
            MongoRooms roomStore = new MongoRooms(db);
            for (int i = 0; i < roomCount; i++) {
                roomStore.addStudySeconds(rooms.get(i), roomTotals[i]);
            }
            System.out.printf("loaded %d sessions, %d room-day totals: %.0f s%n", loaded, roomDays.size(), (System.nanoTime() - t0) / 1e9);

            String year = "/api/users/me/stats?from=" + today.minusDays(365) + "&to=" + today + "&tz=Asia/Seoul";
            SplittableRandom pick = new SplittableRandom(7);
            time("GET stats (366 days, Asia/Seoul: roll-ups)", requests, api, () -> sample.get(pick.nextInt(sample.size())), year);
            time("GET stats (default 30 days)", requests, api, () -> sample.get(pick.nextInt(sample.size())), "/api/users/me/stats");
            for (String period : List.of("day", "week", "month", "all")) {
                time("GET rankings period=" + period + " limit=20", rankingRequests, api, () -> sample.getFirst(),
                        "/api/rankings/rooms?period=" + period + "&limit=20");
            }
            int fewer = Math.max(5, requests / 20);
            time("GET stats (30 days, tz=UTC: from the ledger)", fewer, api, () -> sample.get(pick.nextInt(sample.size())),
                    "/api/users/me/stats?tz=UTC");
        }
    }

    static void time(String what, int requests, Api api, java.util.function.Supplier<Api.Session> who, String path) {
        for (int i = 0; i < Math.min(20, requests); i++) {
            check(api.get(path, who.get()));   // warm-up
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            Api.Session as = who.get();
            long start = System.nanoTime();
            Api.Reply reply = api.get(path, as);
            nanos[i] = System.nanoTime() - start;
            check(reply);
        }
        Arrays.sort(nanos);
        System.out.printf("%-48s n=%4d  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms%n", what, requests,
                nanos[(int) (requests * 0.50)] / 1e6, nanos[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6,
                nanos[requests - 1] / 1e6);
    }

    static void check(Api.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException(reply.status() + " " + reply.raw());
        }
    }
}
