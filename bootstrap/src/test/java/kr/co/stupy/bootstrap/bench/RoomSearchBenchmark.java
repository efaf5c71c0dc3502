package kr.co.stupy.bootstrap.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.rooms.MongoRooms;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.Member;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * Room search latency through the HTTP API of a real node on the embedded store (a program, not a
 * test). Loads {@code rooms} generated rooms straight into the store, then asks each kind of search
 * {@code requests} times and prints p50/p99 per kind.
 *
 * <pre>
 * ./mvnw -q -B -o test-compile dependency:build-classpath -pl bootstrap -am \
 *     -Dmdep.outputFile=/tmp/stupy-cp.txt -Dmdep.includeScope=test
 * java -cp bootstrap/target/test-classes:bootstrap/target/classes:$(cat /tmp/stupy-cp.txt) \
 *     kr.co.stupy.bootstrap.bench.RoomSearchBenchmark 100000 50
 * </pre>
 */
public final class RoomSearchBenchmark {

    private static final String[] WORDS = {"자바", "스프링", "토익", "영어", "수학", "알고리즘", "코딩", "공무원", "회계", "디자인",
            "Java", "Spring", "React", "Python", "Kotlin", "Docker", "TOEIC", "LeetCode", "Math", "Physics"};
    private static final String[] TAGS = new String[50];

    static {
        for (int i = 0; i < TAGS.length; i++) {
            TAGS[i] = i < WORDS.length ? WORDS[i].toLowerCase() : "tag" + i;
        }
    }

    private RoomSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int roomCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dataDir = Files.createTempDirectory("stupy-bench");
        int mongoPort = freePort();
        Settings settings = TestNode.exposingEmbeddedDatabase(dataDir, mongoPort).withLimits(TestNode.BENCHMARK_LIMITS);
        try (TestNode node = TestNode.start(settings);
             MongoStore store = MongoStore.connect(node.embeddedDatabaseUri())) {
            long loadStart = System.nanoTime();
            load(new MongoRooms(store.database()), roomCount);
            System.out.printf("loaded %,d rooms in %.1f s%n", roomCount, (System.nanoTime() - loadStart) / 1e9);

            MongoRooms rooms = new MongoRooms(store.database());
            System.out.printf("%-40s %10s %10s%n", "store only (no HTTP)", "p50 ms", "p99 ms");
            for (kr.co.stupy.rooms.RoomSort sort : kr.co.stupy.rooms.RoomSort.values()) {
                var search = kr.co.stupy.rooms.RoomSearch.all(sort);
                var page = kr.co.stupy.shared.PageRequest.first(20);
                var values = rooms.search(search, page).items().stream().map(Room::totalStudySeconds).collect(java.util.stream.Collectors.toSet());
                long[] searchNanos = new long[requests];
                long[] rankNanos = new long[requests];
                for (int i = -requests / 10; i < requests; i++) {
                    long start = System.nanoTime();
                    rooms.search(search, page);
                    long between = System.nanoTime();
                    rooms.ranksOf(values);
                    if (i >= 0) {
                        searchNanos[i] = between - start;
                        rankNanos[i] = System.nanoTime() - between;
                    }
                }
                Arrays.sort(searchNanos);
                Arrays.sort(rankNanos);
                System.out.printf("%-40s %10.1f %10.1f%n", "search, " + sort, percentile(searchNanos, 50), percentile(searchNanos, 99));
                System.out.printf("%-40s %10.1f %10.1f%n", "ranks of its page, " + sort, percentile(rankNanos, 50), percentile(rankNanos, 99));
            }

            Api api = node.api();
            Api.Session user = api.devLogin("bench");
            Map<String, String> kinds = new LinkedHashMap<>();
            kinds.put("all, latest", "sort=latest");
            kinds.put("all, popular", "sort=popular");
            kinds.put("all, open", "sort=open");
            kinds.put("all, studied", "sort=studied");
            kinds.put("all, latest, page 2 (cursor)", "sort=latest&cursor=" + cursorAfterFirstPage(api, user));
            kinds.put("q=자바 (Korean, ~10%), latest", "q=" + enc("자바"));
            kinds.put("q=SPRING (case-folded), popular", "q=SPRING&sort=popular");
            kinds.put("q=(.*) (no match, full scan)", "q=" + enc("(.*)"));
            kinds.put("hashtag=#java, latest", "hashtag=" + enc("#java"));
            kinds.put("hashtag=tag42, studied", "hashtag=tag42&sort=studied");
            kinds.put("q=코딩 + hashtag=react, open", "q=" + enc("코딩") + "&hashtag=react&sort=open");

            // Every kind once round before any is timed, so the first is not the one that pays for the JIT.
            for (int round = 0; round < 10; round++) {
                for (String query : kinds.values()) {
                    check(api.get("/api/rooms?" + query, user));
                }
            }
            System.out.printf("%-40s %10s %10s %8s%n", "search (limit 20)", "p50 ms", "p99 ms", "items");
            for (var kind : kinds.entrySet()) {
                String path = "/api/rooms?" + kind.getValue();
                for (int i = 0; i < Math.max(2, requests / 10); i++) {
                    check(api.get(path, user)); // warm-up
                }
                long[] nanos = new long[requests];
                int items = 0;
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    Api.Reply reply = api.get(path, user);
                    nanos[i] = System.nanoTime() - start;
                    items = check(reply).body().get("items").size();
                }
                Arrays.sort(nanos);
                System.out.printf("%-40s %10.1f %10.1f %8d%n", kind.getKey(), percentile(nanos, 50), percentile(nanos, 99), items);
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void load(MongoRooms rooms, int count) {
        SplittableRandom random = new SplittableRandom(42);
        Instant now = Instant.now();
        List<Room> batch = new ArrayList<>(1000);
        for (int i = 0; i < count; i++) {
            Instant createdAt = now.minus(Duration.ofSeconds(random.nextLong(100L * 24 * 3600))).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            int maxMembers = random.nextInt(2, 11);
            int memberCount = random.nextInt(1, maxMembers + 1);
            List<Member> members = new ArrayList<>();
            for (int m = 0; m < memberCount; m++) {
                members.add(new Member(UserId.newId(), createdAt.plusSeconds(m)));
            }
            List<Hashtag> tags = random.ints(random.nextInt(0, 4), 0, TAGS.length).distinct()
                    .mapToObj(t -> new Hashtag(TAGS[t])).toList();
            String word = WORDS[random.nextInt(WORDS.length)];
            String other = WORDS[random.nextInt(WORDS.length)];
            long studied = random.nextInt(10) == 0 ? 0 : random.nextLong(1_000_000);
            batch.add(Room.restore(new RoomId(Ids.newId(createdAt)), new RoomTitle(word + " 스터디 " + i),
                    new RoomDescription(other + " 같이 공부해요. 매일 " + (i % 24) + "시 시작"), Optional.empty(), tags,
                    Optional.empty(), maxMembers, Optional.empty(), members.getFirst().userId(), members, List.of(),
                    createdAt, studied, 0));
            if (batch.size() == 1000) {
                rooms.insertAll(batch);
                batch.clear();
            }
        }
        rooms.insertAll(batch);
    }

    private static String cursorAfterFirstPage(Api api, Api.Session user) {
        return check(api.get("/api/rooms?sort=latest", user)).body().get("nextCursor").asText();
    }

    private static Api.Reply check(Api.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("search failed: " + reply.status() + " " + reply.raw());
        }
        return reply;
    }

    private static double percentile(long[] sortedNanos, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
