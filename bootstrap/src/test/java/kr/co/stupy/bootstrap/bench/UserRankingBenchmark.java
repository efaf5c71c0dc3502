package kr.co.stupy.bootstrap.bench;

import com.mongodb.client.MongoCollection;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyRollups;
import kr.co.stupy.adapter.mongo.studytime.MongoUserPeriodTotals;
import kr.co.stupy.bootstrap.Stupy;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.UserPeriodTotals;
import org.bson.Document;

/**
 * Not a test: a program that fills a real node's embedded store with {@code users} users' day, week and
 * month totals ({@code study_user_periods}) for every study day from the start of this week or this month
 * (whichever is earlier) to today, then times {@code GET /api/rankings/users} (the top 20 and where the
 * asker stands) over HTTP, one request at a time, and prints p50/p99. It asserts nothing about timing.
 * <p>
 * A user studies on a day with probability 0.7, 0 to 10 hours, and one day in a hundred 17 hours (over the
 * cap): the totals are loaded exactly as {@link MongoUserPeriodTotals#add} leaves them
 * ({@link MongoUserPeriodTotals#documents}), user by user in {@code _id} order with {@code insertMany}, as
 * {@link StatsBenchmark} loads its roll-ups. The first {@code sample} users are real accounts (made through
 * the API, for tokens), so every timed request also ranks its asker, who studied; askers are picked at
 * random, so their ranks, and so the ranges the counts read, spread over the whole ranking.
 * <p>
 * Arguments: {@code users requests sample} (defaults 100000 300 200). Run like {@link StatsBenchmark}:
 * <pre>
 * ./mvnw -q -B -o test-compile dependency:build-classpath -pl bootstrap -am \
 *     -Dmdep.outputFile=/tmp/stupy-cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp bootstrap/target/test-classes:bootstrap/target/classes:$(cat /tmp/stupy-cp.txt) \
 *     kr.co.stupy.bootstrap.bench.UserRankingBenchmark 100000 300 200
 * </pre>
 */
public final class UserRankingBenchmark {

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int sampleSize = Math.min(users, args.length > 2 ? Integer.parseInt(args[2]) : 200);
        int dbPort;
        try (ServerSocket free = new ServerSocket(0)) {
            dbPort = free.getLocalPort();
        }
        Settings settings = new Settings(0, TestNode.freshDataDir(), Optional.empty(), Optional.of(dbPort), Optional.empty(),
                Optional.empty(), Optional.of(true), StatsBenchmark.POLICY.zone(), StatsBenchmark.POLICY.dayStart(), Optional.empty(),
                Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(), List.of())
                .withLimits(TestNode.BENCHMARK_LIMITS);
        System.out.printf("users=%d requests=%d per period, sample askers=%d; max heap %d MB; %d cores; data=%s%n", users, requests,
                sampleSize, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), settings.dataDir());
        try (Stupy node = Stupy.start(settings);
             MongoStore store = MongoStore.connect(Files.readString(settings.dataDir().resolve(EmbeddedMongo.URI_FILE_NAME)).strip())) {
            Api api = new Api("http://127.0.0.1:" + node.port());
            List<Api.Session> sample = new ArrayList<>();
            for (int i = 0; i < sampleSize; i++) {
                sample.add(api.devLogin("rank" + i));
            }
            Instant now = Instant.now();
            LocalDate today = StatsBenchmark.POLICY.dayOf(now);
            List<PeriodBucket> current = PeriodBucket.PERIODS.stream().map(p -> PeriodBucket.containing(p, today)).toList();
            LocalDate first = current.stream().map(PeriodBucket::firstDay).min(Comparator.naturalOrder()).orElseThrow();
            List<UserId> ids = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                ids.add(u < sampleSize ? new UserId(sample.get(u).userId()) : new UserId(Ids.newId(now)));
            }

            // User by user in id order: a user's documents ("<user id>/<period>/<first day>") sort together, so the
            // whole load is in _id order. Each user's totals in the current day, week and month are kept to check answers.
            Integer[] byId = new Integer[users];
            Arrays.setAll(byId, u -> u);
            Arrays.sort(byId, Comparator.comparing(u -> ids.get(u).value()));
            long[][] seconds = new long[current.size()][users];
            MongoCollection<Document> collection = store.database().getCollection("study_user_periods");
            List<Document> batch = new ArrayList<>();
            long loaded = 0;
            long t0 = System.nanoTime();
            for (int u : byId) {
                Map<UserPeriodTotals.UserDay, Long> days = days(ids.get(u).value(), u, first, today);
                UserPeriodTotals.Totals totals = UserPeriodTotals.Totals.derived(days);
                for (int p = 0; p < current.size(); p++) {
                    seconds[p][u] = totals.buckets().getOrDefault(new UserPeriodTotals.BucketKey(current.get(p), ids.get(u).value()), 0L);
                }
                batch.addAll(MongoUserPeriodTotals.documents(totals));
                if (batch.size() >= 5_000) {
                    MongoStudyRollups.insertInOrder(collection, batch, Function.identity());
                    loaded += batch.size();
                    batch.clear();
                }
            }
            MongoStudyRollups.insertInOrder(collection, batch, Function.identity());
            loaded += batch.size();
            System.out.printf("loaded %,d user period documents (%s to %s: days with raw sums, weeks, months) in %.0f s%n", loaded, first,
                    today, (System.nanoTime() - t0) / 1e9);
            for (int p = 0; p < current.size(); p++) {
                long ranked = Arrays.stream(seconds[p]).filter(s -> s > 0).count();
                System.out.printf("  %s: %,d users ranked%n", label(current.get(p)), ranked);
            }

            // The route must answer what was loaded, or the timings would time the wrong thing.
            for (int p = 0; p < current.size(); p++) {
                String period = current.get(p).period().name().toLowerCase(java.util.Locale.ROOT);
                long[] ofPeriod = seconds[p];
                long top = Arrays.stream(ofPeriod).max().orElse(0);
                long mine = ofPeriod[0];
                long expectedRank = 1 + Arrays.stream(ofPeriod).filter(s -> s > mine).count();
                StatsBenchmark.check(api.get("/api/rankings/users?period=" + period, sample.getFirst()),
                        reply -> reply.body().at("/items/0/studySeconds").asLong() == top && reply.body().get("items").size() == 20
                                && (mine == 0 ? reply.body().at("/me/rank").isNull() : reply.body().at("/me/rank").asLong() == expectedRank),
                        period + ": top " + top + ", the first sample user's rank " + expectedRank);
            }
            System.out.println("the route answers what was loaded");

            SplittableRandom pick = new SplittableRandom(7);
            for (PeriodBucket bucket : current) {
                String period = bucket.period().name().toLowerCase(java.util.Locale.ROOT);
                StatsBenchmark.time("GET /api/rankings/users?period=" + period + " (top 20 + me)", requests, api,
                        () -> sample.get(pick.nextInt(sample.size())), "/api/rankings/users?period=" + period + "&limit=20");
            }

            // The same reads in-process through the adapter, to tell the store's share from HTTP's (fewer: a count can take a second).
            MongoUserPeriodTotals totals = new MongoUserPeriodTotals(store.database());
            int reads = Math.min(requests, 50);
            for (int p = 0; p < current.size(); p++) {
                PeriodBucket bucket = current.get(p);
                long[] sorted = Arrays.stream(seconds[p]).filter(s -> s > 0).sorted().toArray();
                long median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
                timeDirect(label(bucket) + " top(20)", reads, () -> totals.top(bucket, 20).size());
                timeDirect(label(bucket) + " countAbove(median " + median + ")", reads, () -> totals.countAbove(bucket, median));
                timeDirect(label(bucket) + " count()", reads, () -> totals.count(bucket));
                timeDirect(label(bucket) + " ofUsers(1)", reads, () -> totals.ofUsers(bucket, List.of(ids.get(pick.nextInt(users)))).size());
            }
        }
    }

    /**
     * A user's raw seconds per study day from {@code first} to {@code today}, from a random seeded by the user, so
     * a run is repeatable: studies on 7 days in 10, up to 10 hours, and one day in a hundred 17 hours (capped at 16).
     */
    static Map<UserPeriodTotals.UserDay, Long> days(String userId, int u, LocalDate first, LocalDate today) {
        SplittableRandom random = new SplittableRandom(u * 1_000_003L + 17);
        Map<UserPeriodTotals.UserDay, Long> days = new HashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            if (random.nextInt(10) < 7) {
                long studied = random.nextInt(100) == 0 ? 17 * 3_600L : 60 + random.nextLong(10 * 3_600L);
                days.put(new UserPeriodTotals.UserDay(userId, day), studied);
            }
        }
        return days;
    }

    static String label(PeriodBucket bucket) {
        return bucket.period().name().toLowerCase(java.util.Locale.ROOT) + " of " + bucket.firstDay();
    }

    static void timeDirect(String what, int requests, LongSupplier read) {
        long[] nanos = new long[requests];
        for (int i = 0; i < Math.min(20, requests); i++) {
            read.getAsLong();
        }
        long last = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            last = read.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("  adapter %-44s n=%4d  p50 %8.2f ms  p99 %8.2f ms  (answer %d)%n", what, requests, nanos[requests / 2] / 1e6,
                nanos[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6, last);
    }

    private UserRankingBenchmark() {
    }
}
