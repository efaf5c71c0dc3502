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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.rooms.MongoRooms;
import kr.co.stupy.adapter.mongo.studytime.MongoMemberQuarterHours;
import kr.co.stupy.adapter.mongo.studytime.MongoMemberTotals;
import kr.co.stupy.adapter.mongo.studytime.MongoRoomPeriodTotals;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyLedger;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyRollups;
import kr.co.stupy.adapter.mongo.studytime.MongoUserDayTotals;
import kr.co.stupy.adapter.mongo.studytime.MongoUserQuarterHours;
import kr.co.stupy.bootstrap.Stupy;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberQuarterHours;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.RoomPeriodTotals.RoomDay;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import org.bson.Document;

/**
 * Not a test: a program that fills a real node's embedded store with {@code users} users studying
 * on each of the last {@code days} study days (today included, as far as now): one or two
 * sessions a day of 30 to 150 minutes, in one of {@code rooms} rooms per user. Then it times the
 * statistics and ranking routes over HTTP and prints p50/p99.
 * <p>
 * The history is bulk-loaded through the Mongo driver with {@code insertMany}: the sessions as
 * {@link MongoStudyLedger#document} stores them, and the per-day and per-period roll-ups exactly
 * as finishing those sessions would have left them ({@link MongoUserDayTotals#document},
 * {@link MongoRoomPeriodTotals#bucketDocuments}). Every collection is written in {@code _id} order:
 * the embedded store keeps each collection in an H2 B-tree by {@code _id} and commits after every
 * command, so scattered keys make each commit rewrite (and first read back) a page per document —
 * that is what made a year for 10,000 users take hours — while keys in order touch only the right
 * edge of the tree. Sessions are therefore written day by day (ids begin with the start time), and
 * user-day totals user by user; the sessions of one (user, day) come from a random seeded by that
 * pair, so the second pass makes the same sessions again instead of keeping millions in memory.
 * <p>
 * Arguments: {@code users days rooms requests rankingRequests ledgerRequests}
 * (defaults 10000 365 1000 300 300 3). Leaderboards in another zone ({@code America/Los_Angeles}, from
 * the members' quarter hours) are timed {@code requests} times per period. {@code ledgerRequests} times
 * 30 days of statistics in UTC and, per period, a leaderboard in a zone whose study days do not begin on
 * quarter hours ({@code +05:07}), which is computed from the room's sessions as every other zone's was
 * before: on the embedded store that scans every session.
 * <p>
 * Room leaderboards are timed for the first {@link #BOARDS} rooms, each owned by the sample user whose
 * history is in it and joined by nine fresh accounts, so a board lists and reads the maximum of ten members.
 */
public final class StatsBenchmark {

    static final StudyDayPolicy POLICY = new StudyDayPolicy(ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0));
    /** Another zone, as a browser abroad sends it: its statistics are summed from the users' quarter hours. */
    static final StudyDayPolicy ELSEWHERE = POLICY.inZone(ZoneId.of("America/Los_Angeles"));
    static final int BATCH = 5_000;
    static final int SAMPLE_USERS = 200;
    /** Rooms whose leaderboards are timed, each filled to ten members (its owner has the history, the others join). */
    static final int BOARDS = 20;

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int roomCount = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int rankingRequests = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        int ledgerRequests = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        int dbPort;
        try (ServerSocket free = new ServerSocket(0)) {
            dbPort = free.getLocalPort();
        }
        Settings settings = new Settings(0, TestNode.freshDataDir(), Optional.empty(), Optional.of(dbPort), Optional.empty(),
                Optional.empty(), Optional.of(true), POLICY.zone(), POLICY.dayStart(), Optional.empty(),
                Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(), List.of())
                .withLimits(TestNode.BENCHMARK_LIMITS);
        System.out.printf("users=%d days=%d rooms=%d requests: stats %d, rankings %d, other zone %d; max heap %d MB; data=%s%n", users,
                days, roomCount, requests, rankingRequests, ledgerRequests, Runtime.getRuntime().maxMemory() >> 20, settings.dataDir());
        try (Stupy node = Stupy.start(settings); MongoStore store = MongoStore.connect(
                java.nio.file.Files.readString(settings.dataDir().resolve(kr.co.stupy.bootstrap.embedded.EmbeddedMongo.URI_FILE_NAME)).strip())) {
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
                var created = api.post("/api/rooms", owner, Map.of("title", "bench room " + i, "description", "benchmark", "maxMembers", 10));
                if (created.status() != 201) {
                    throw new IllegalStateException("room " + i + ": " + created.raw());
                }
                rooms.add(new RoomId(created.body().get("id").asText()));
            }
            // A board lists every member and reads one total per member: fill the timed rooms to the ten-member maximum.
            for (int i = 0; i < Math.min(BOARDS, roomCount); i++) {
                for (int m = 1; m < 10; m++) {
                    var joined = api.post("/api/rooms/" + rooms.get(i).value() + "/members", api.devLogin("joiner" + i + "-" + m), Map.of());
                    if (joined.status() != 200) {
                        throw new IllegalStateException("joining room " + i + ": " + joined.raw());
                    }
                }
            }
            System.out.printf("accounts and rooms through the API: %.1f s%n", (System.nanoTime() - t0) / 1e9);

            Instant now = Instant.now();
            LocalDate today = POLICY.dayOf(now);
            LocalDate first = today.minusDays(days - 1L);
            List<UserId> userIds = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                userIds.add(u < sample.size() ? new UserId(sample.get(u).userId()) : new UserId(Ids.newId(now)));
            }
            History history = new History(userIds, rooms, first, now);

            long loadStart = System.nanoTime();
            // Pass 1, day by day: the sessions in id order, and the room totals (small enough to keep).
            MongoCollection<Document> sessions = db.getCollection("study_sessions");
            Map<RoomDay, Long> roomDays = new HashMap<>();
            long[] roomTotals = new long[roomCount];
            long loaded = 0;
            for (int d = 0; d < days; d++) {
                List<StudySession> ofDay = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    for (StudySession session : history.sessions(u, d)) {
                        ofDay.add(session);
                        long seconds = session.counted(session.endedAt().orElseThrow()).toSeconds();
                        roomTotals[u % roomCount] += seconds;
                        StudyRollups.piecesOf(session, POLICY).forEach((day, s) ->
                                roomDays.merge(new RoomDay(session.roomId().value(), day), s, Long::sum));
                    }
                }
                ofDay.sort(Comparator.comparing(StudySession::id));
                MongoStudyRollups.insertInOrder(sessions, ofDay, MongoStudyLedger::document);
                loaded += ofDay.size();
                if ((d + 1) % 30 == 0 || d == days - 1) {
                    System.out.printf("  sessions: %d days, %,d sessions, %.0f s%n", d + 1, loaded, (System.nanoTime() - loadStart) / 1e9);
                }
            }
            long sessionsDone = System.nanoTime();

            // Pass 2, user by user in id order: the (user, day) totals in _id order ("<user id>/<yyyy-MM-dd>").
            Batches userDays = new Batches(db.getCollection("study_user_days"));
            Integer[] byId = new Integer[users];
            Arrays.setAll(byId, u -> u);
            Arrays.sort(byId, Comparator.comparing(u -> userIds.get(u).value()));
            Map<UserId, SortedMap<LocalDate, Long>> sampleDays = new HashMap<>();
            Map<UserId, SortedMap<LocalDate, Long>> sampleDaysElsewhere = new HashMap<>();
            // The users' quarter hours ("<user id>/<UTC date>", also in _id order), as finishing the sessions adds them.
            Batches userQuarters = new Batches(db.getCollection("study_user_quarters"));
            for (int i = 0; i < users; i++) {
                int u = byId[i];
                SortedMap<LocalDate, Long> mine = new TreeMap<>();
                SortedMap<LocalDate, Long> elsewhere = new TreeMap<>();
                Map<Instant, Long> quarterSeconds = new HashMap<>();
                Map<QuarterHours.Span, Long> corrections = new HashMap<>();
                for (int d = 0; d < days; d++) {
                    for (StudySession session : history.sessions(u, d)) {
                        StudyRollups.piecesOf(session, POLICY).forEach((day, s) -> mine.merge(day, s, Long::sum));
                        QuarterHours added = QuarterHours.of(session);
                        added.seconds().forEach((q, s) -> quarterSeconds.merge(q, s, Long::sum));
                        added.corrections().forEach((c, s) -> corrections.merge(c, s, Long::sum));
                        if (u < sample.size()) {
                            StudyRollups.piecesOf(session, ELSEWHERE).forEach((day, s) -> elsewhere.merge(day, s, Long::sum));
                        }
                    }
                }
                if (u < sample.size()) {
                    sampleDays.put(userIds.get(u), mine);
                    sampleDaysElsewhere.put(userIds.get(u), elsewhere);
                }
                for (Document document : MongoUserQuarterHours.quarterDocuments(
                        Map.of(userIds.get(u).value(), new QuarterHours(quarterSeconds, corrections)))) {
                    userQuarters.add(document);
                }
                for (Map.Entry<LocalDate, Long> total : mine.entrySet()) {
                    userDays.add(MongoUserDayTotals.document(userIds.get(u).value(), total.getKey(), total.getValue()));
                }
            }
            userDays.flush();
            userQuarters.flush();
            long userDaysDone = System.nanoTime();

            // The rooms' day totals, their day/week/month buckets, and their all-time totals.
            List<Map.Entry<RoomDay, Long>> sortedRoomDays = new ArrayList<>(roomDays.entrySet());
            sortedRoomDays.sort(Map.Entry.comparingByKey(Comparator.comparing(RoomDay::roomId).thenComparing(RoomDay::day)));
            MongoStudyRollups.insertInOrder(db.getCollection("study_room_days"), sortedRoomDays,
                    total -> MongoRoomPeriodTotals.dayDocument(total.getKey().roomId(), total.getKey().day(), total.getValue()));
            Map<RoomPeriodTotals.BucketKey, Long> buckets = RoomPeriodTotals.Totals.bucketsOf(roomDays);
            List<Document> bucketDocuments = MongoRoomPeriodTotals.bucketDocuments(buckets);
            MongoStudyRollups.insertInOrder(db.getCollection("study_room_periods"), bucketDocuments, Function.identity());
            long memberStart = System.nanoTime();
            long[] memberCounts = loadMemberTotals(db, history, userIds, rooms, days);
            long memberEnd = System.nanoTime();
            System.out.printf("loaded %,d room-member day totals, %,d room-member week/month/all totals and %,d room-member"
                            + " (UTC date) quarter-hour documents in %.0f s%n",
                    memberCounts[0], memberCounts[1], memberCounts[2], (memberEnd - memberStart) / 1e9);
            MongoRooms roomStore = new MongoRooms(db);
            for (int i = 0; i < roomCount; i++) {
                roomStore.addStudySeconds(rooms.get(i), roomTotals[i]);
            }
            long loadEnd = System.nanoTime();
            System.out.printf("loaded %,d (user, UTC date) quarter-hour documents with the user-day totals%n", userQuarters.count);
            System.out.printf("loaded %,d sessions in %.0f s, %,d user-day totals in %.0f s, %,d room-day totals and %,d period buckets"
                            + " in %.0f s: %.0f s in all (%,.0f sessions/s)%n",
                    loaded, (sessionsDone - loadStart) / 1e9, userDays.count, (userDaysDone - sessionsDone) / 1e9, roomDays.size(),
                    bucketDocuments.size(), (loadEnd - userDaysDone) / 1e9, (loadEnd - loadStart) / 1e9,
                    loaded / ((sessionsDone - loadStart) / 1e9));

            // The routes must answer what was loaded, or the timings would time the wrong thing.
            LocalDate yearFrom = today.minusDays(365);
            String year = "/api/users/me/stats?from=" + yearFrom + "&to=" + today + "&tz=Asia/Seoul";
            long expectedYear = sampleDays.get(userIds.getFirst()).subMap(yearFrom, today.plusDays(1)).values().stream()
                    .mapToLong(Long::longValue).sum();
            check(api.get(year, sample.getFirst()), reply -> reply.body().get("totalSeconds").asLong() == expectedYear,
                    "year total " + expectedYear);
            LocalDate yearToElsewhere = ELSEWHERE.dayOf(Instant.now());
            LocalDate yearFromElsewhere = yearToElsewhere.minusDays(365);
            String yearElsewhere = "/api/users/me/stats?from=" + yearFromElsewhere + "&to=" + yearToElsewhere + "&tz=" + ELSEWHERE.zone();
            long expectedElsewhere = sampleDaysElsewhere.get(userIds.getFirst()).subMap(yearFromElsewhere, yearToElsewhere.plusDays(1))
                    .values().stream().mapToLong(MemberTotals::capped).sum();
            check(api.get(yearElsewhere, sample.getFirst()), reply -> reply.body().get("totalSeconds").asLong() == expectedElsewhere,
                    "year total in " + ELSEWHERE.zone() + " " + expectedElsewhere);
            for (StudyPeriod period : PeriodBucket.PERIODS) {
                PeriodBucket bucket = PeriodBucket.around(period, Instant.now(), POLICY);
                long top = buckets.entrySet().stream().filter(e -> e.getKey().bucket().equals(bucket))
                        .mapToLong(Map.Entry::getValue).max().orElse(0);
                String path = "/api/rankings/rooms?period=" + period.name().toLowerCase() + "&limit=20";
                check(api.get(path, sample.getFirst()), reply -> reply.body().at("/items/0/studySeconds").asLong() == top,
                        period + " top " + top);
            }
            // Sample user i owns room i and studies only there: its board's all-time and today's totals are its own.
            String board = "/api/rooms/" + rooms.getFirst().value() + "/leaderboard?tz=Asia/Seoul&period=";
            long allTime = sampleDays.get(userIds.getFirst()).values().stream().mapToLong(s -> MemberTotals.capped(s)).sum();
            check(api.get(board + "all", sample.getFirst()), reply -> reply.body().at("/items/0/studySeconds").asLong() == allTime
                    && reply.body().get("items").size() == 10, "leaderboard all time " + allTime + " for ten members");
            long ofToday = sampleDays.get(userIds.getFirst()).getOrDefault(today, 0L);
            check(api.get(board + "day", sample.getFirst()), reply -> reply.body().at("/items/0/studySeconds").asLong() == ofToday,
                    "leaderboard today " + ofToday);
            String boardElsewhere = "/api/rooms/" + rooms.getFirst().value() + "/leaderboard?tz=" + ELSEWHERE.zone() + "&period=";
            long allTimeElsewhere = sampleDaysElsewhere.get(userIds.getFirst()).values().stream().mapToLong(MemberTotals::capped).sum();
            check(api.get(boardElsewhere + "all", sample.getFirst()), reply -> reply.body().at("/items/0/studySeconds").asLong() == allTimeElsewhere,
                    "leaderboard all time in " + ELSEWHERE.zone() + " " + allTimeElsewhere);
            long ofTodayElsewhere = sampleDaysElsewhere.get(userIds.getFirst()).getOrDefault(yearToElsewhere, 0L);
            check(api.get(boardElsewhere + "day", sample.getFirst()), reply -> reply.body().at("/items/0/studySeconds").asLong() == ofTodayElsewhere,
                    "leaderboard today in " + ELSEWHERE.zone() + " " + ofTodayElsewhere);
            System.out.println("the routes answer what was loaded");

            SplittableRandom pick = new SplittableRandom(7);
            time("GET stats (366 days, Asia/Seoul: roll-ups)", requests, api, () -> sample.get(pick.nextInt(sample.size())), year);
            time("GET stats (366 days, " + ELSEWHERE.zone() + ": quarter hours)", requests, api,
                    () -> sample.get(pick.nextInt(sample.size())), yearElsewhere);
            time("GET stats (default 30 days)", requests, api, () -> sample.get(pick.nextInt(sample.size())), "/api/users/me/stats");
            for (String period : List.of("day", "week", "month", "all")) {
                time("GET rankings period=" + period + " limit=20", rankingRequests, api, () -> sample.get(pick.nextInt(sample.size())),
                        "/api/rankings/rooms?period=" + period + "&limit=20");
            }
            int boards = Math.min(BOARDS, Math.min(sample.size(), rooms.size()));
            for (String period : List.of("day", "week", "month", "all")) {
                time("GET leaderboard period=" + period + " (roll-ups)", requests, api, () -> {
                    int i = pick.nextInt(boards);
                    return new Request(sample.get(i), "/api/rooms/" + rooms.get(i).value() + "/leaderboard?tz=Asia/Seoul&period=" + period);
                });
            }
            for (String period : List.of("day", "week", "month", "all")) {
                time("GET leaderboard period=" + period + " tz=" + ELSEWHERE.zone() + " (quarters)", requests, api, () -> {
                    int i = pick.nextInt(boards);
                    return new Request(sample.get(i), "/api/rooms/" + rooms.get(i).value() + "/leaderboard?tz=" + ELSEWHERE.zone()
                            + "&period=" + period);
                });
            }
            if (ledgerRequests > 0) {
                time("GET stats (30 days, tz=UTC: quarter hours)", ledgerRequests, api, () -> sample.get(pick.nextInt(sample.size())),
                        "/api/users/me/stats?tz=UTC");
                // An offset off the quarter hours (05:00 there is 23:53 UTC) still takes the ledger path, which is what every
                // leaderboard in another zone took before the member quarters: the old cost, timed in the same run.
                for (String period : List.of("day", "week", "month", "all")) {
                    time("GET leaderboard period=" + period + " tz=+05:07 (ledger)", ledgerRequests, api, () -> {
                        int i = pick.nextInt(boards);
                        return new Request(sample.get(i), "/api/rooms/" + rooms.get(i).value() + "/leaderboard?tz=%2B05:07&period=" + period);
                    });
                }
            }
        }
    }

    /**
     * The generated history: the sessions of user {@code u} on day {@code d} depend on nothing but
     * (u, d), so both loading passes see the same ones. A day's sessions start between the day start
     * and 16 hours later (until 21:00; the second may run past midnight, still the same study day).
     * Today keeps only the sessions that ended before now.
     */
    record History(List<UserId> users, List<RoomId> rooms, LocalDate first, Instant now) {

        List<StudySession> sessions(int u, int d) {
            SplittableRandom random = new SplittableRandom(u * 1_000_003L + d);
            LocalDate day = first.plusDays(d);
            UserId user = users.get(u);
            RoomId room = rooms.get(u % rooms.size());
            List<StudySession> made = new ArrayList<>(2);
            Instant start = POLICY.startOf(day).plusSeconds(random.nextLong(16 * 3600));
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                Instant end = start.plusSeconds(1800 + random.nextLong(120 * 60));
                if (end.isAfter(now)) {
                    break;
                }
                made.add(new StudySession(Ids.newId(start), user, room, start, end, Optional.of(end)));
                start = end.plusSeconds(900 + random.nextLong(105 * 60));
            }
            return made;
        }
    }

    /**
     * Pass 3, room by room and user by user: the room-member day totals ({@code _id} "<room>/<user>/<day>"; a
     * user here studies in one room, so they are its user-day totals) and, from them, the members' week,
     * month and all-time totals, each day capped as {@link MongoMemberTotals#add} leaves them.
     */
    static long[] loadMemberTotals(MongoDatabase db, History history, List<UserId> userIds, List<RoomId> rooms, int days) {
        Integer[] byRoomAndUser = new Integer[userIds.size()];
        Arrays.setAll(byRoomAndUser, u -> u);
        Arrays.sort(byRoomAndUser, Comparator.comparing((Integer u) -> rooms.get(u % rooms.size()).value())
                .thenComparing(u -> userIds.get(u).value()));
        Batches memberDays = new Batches(db.getCollection("study_member_days"));
        Batches memberQuarters = new Batches(db.getCollection("study_member_quarters"));
        Map<MemberTotals.MemberPeriodKey, Long> periods = new HashMap<>();
        List<Document> dateDocuments = new ArrayList<>();
        for (int u : byRoomAndUser) {
            Map<MemberTotals.MemberDayKey, Long> mine = new HashMap<>();
            QuarterHours.Sums<MemberQuarterHours.MemberKey> quarters = new QuarterHours.Sums<>();
            for (int d = 0; d < days; d++) {
                for (StudySession session : history.sessions(u, d)) {
                    StudyRollups.piecesOf(session, POLICY).forEach((day, s) -> mine.merge(
                            new MemberTotals.MemberDayKey(session.roomId().value(), session.userId().value(), day), s, Long::sum));
                    quarters.add(new MemberQuarterHours.MemberKey(session.roomId().value(), session.userId().value()), QuarterHours.of(session));
                }
            }
            periods.putAll(MemberTotals.Totals.periodsOf(mine));
            MongoMemberTotals.memberDayDocuments(mine).forEach(memberDays::add);
            // The member's quarter hours ("<room>/<user>/<UTC date>") and its list of those dates ("<room>/<user>"), both in _id order.
            MongoMemberQuarterHours.memberQuarterDocuments(quarters.totals()).forEach(memberQuarters::add);
            dateDocuments.addAll(MongoMemberQuarterHours.memberQuarterDateDocuments(quarters.totals()));
        }
        memberDays.flush();
        memberQuarters.flush();
        MongoStudyRollups.insertInOrder(db.getCollection("study_member_quarter_dates"), dateDocuments, Function.identity());
        List<Document> periodDocuments = MongoMemberTotals.memberPeriodDocuments(periods);
        MongoStudyRollups.insertInOrder(db.getCollection("study_member_periods"), periodDocuments, Function.identity());
        return new long[] {memberDays.count, periodDocuments.size(), memberQuarters.count};
    }

    /** Documents already in {@code _id} order, inserted {@link #BATCH} at a time as they come. */
    static final class Batches {
        private final MongoCollection<Document> collection;
        private final List<Document> batch = new ArrayList<>(BATCH);
        long count;

        Batches(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        void add(Document document) {
            batch.add(document);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                count += batch.size();
                batch.clear();
            }
        }
    }

    /** One request to time: who asks, and for what. */
    record Request(Api.Session as, String path) {
    }

    static void time(String what, int requests, Api api, java.util.function.Supplier<Api.Session> who, String path) {
        time(what, requests, api, () -> new Request(who.get(), path));
    }

    static void time(String what, int requests, Api api, java.util.function.Supplier<Request> next) {
        long[] nanos = new long[requests];
        Api.Reply last = null;
        try {
            for (int i = 0; i < Math.min(20, Math.max(1, requests / 10)); i++) {
                Request warmUp = next.get();
                check(api.get(warmUp.path(), warmUp.as()), reply -> true, "warm-up");
            }
            for (int i = 0; i < requests; i++) {
                Request request = next.get();
                long start = System.nanoTime();
                last = api.get(request.path(), request.as());
                nanos[i] = System.nanoTime() - start;
                check(last, r -> true, what);
            }
        } catch (java.io.UncheckedIOException e) {
            // The test client gives up after 30 s: say so and go on with the other routes.
            System.out.printf("%-48s gave up: %s%n", what, e.getCause());
            return;
        }
        Arrays.sort(nanos);
        // How much each answer held, so a ranking of an empty period (just after the day start) is not mistaken for a fast one.
        String held = last.body().has("items") ? last.body().get("items").size() + " items" : last.body().get("days").size() + " days";
        System.out.printf("%-48s n=%4d  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  (%s)%n", what, requests,
                nanos[(int) (requests * 0.50)] / 1e6, nanos[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6,
                nanos[requests - 1] / 1e6, held);
    }

    static void check(Api.Reply reply, java.util.function.Predicate<Api.Reply> expected, String what) {
        if (reply.status() != 200 || !expected.test(reply)) {
            throw new IllegalStateException(what + ": " + reply.status() + " " + reply.raw());
        }
    }
}
