package kr.co.stupy.bootstrap.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many users guessing room passwords in parallel against a real node (the production wiring, the
 * real PBKDF2 cost), while a bystander times {@code /api/health}, a login and a join of an open
 * room. Every loop is bounded in count and time; all traffic stays on the loopback address.
 *
 * <p>The latency bounds (9 in 10 under 1 s, each under 2 s) are generous on purpose: the machine is
 * small and shared, and the point is the difference between a node that keeps answering (tens of
 * milliseconds) and one whose cores all hash (a median of 2 s, as before the hashing pool).
 */
@Tag("solo") // bounds latency: runs alone (see bootstrap/pom.xml)
class PasswordGuessingAbuseTest {

    /** Nine in ten of the health checks, logins and joins the bystander makes while the attack runs answer within this... */
    private static final Duration TYPICAL = Duration.ofSeconds(1);
    /** ...and every one of them within this (before the hashing pool the median health check took 2 s). */
    private static final Duration SLOWEST = Duration.ofSeconds(2);
    private static final int GUESSERS = 6;
    private static final int ROOMS = 2;
    /** The attack ends when its guesses are spent, or at the latest after this. */
    private static final Duration ATTACK_LIMIT = Duration.ofSeconds(60);

    @Test
    void withTheDefaultBudgetsEachGuesserGetsFiveChecksAndTheNodeStaysQuick() throws Exception {
        try (TestNode node = TestNode.start()) {
            Api api = node.api();
            Target target = Target.set(api, ROOMS);
            List<Api.Session> guessers = guessers(api, GUESSERS);

            // 12 workers, 10 guesses each: up to 120 guesses at 2 rooms by 6 users (3 per room, 15 checks each, within its 20).
            Result result = attack(api, target, guessers, 12, 10);

            int budget = GUESSERS * (int) Budgets.WRONG_PASSWORD_PER_USER.capacity();
            // A hash shed as BUSY (a starved machine) gives its attempt back, so a guesser may end with fewer checks, never more.
            assertTrue(Set.of(403, 429, 503).containsAll(result.statuses().keySet()), "never let in: " + result.statuses());
            int checked = result.statuses().getOrDefault(403, 0);
            assertTrue(checked > 0 && checked <= budget, checked + " wrong passwords were checked; the budgets allow " + budget);
            assertTrue(result.statuses().getOrDefault(429, 0) > 0, "guesses past the budgets were refused unchecked: " + result.statuses());
            assertEquals(0, result.withoutRetryAfter().get(), "every 429 and 503 says when to try again");
            assertEquals((long) checked, target.refusedPasswordAttempts(api), "the owner is told of every checked wrong password");
            result.probes().assertWithin(TYPICAL, SLOWEST);
        }
    }

    @Test
    void withoutBudgetsTheHashingPoolStillKeepsHealthLoginsAndJoinsQuick() throws Exception {
        // Budgets off, so every guess wants a hash: only the bounded pool stands between the guessers and the cores.
        Budgets noPasswordBudgets = new Budgets(Map.of(
                Budgets.WRONG_PASSWORD_PER_USER.name(), Budget.unlimited(Budgets.WRONG_PASSWORD_PER_USER.name()),
                Budgets.WRONG_PASSWORD_PER_ROOM.name(), Budget.unlimited(Budgets.WRONG_PASSWORD_PER_ROOM.name())));
        try (TestNode node = TestNode.start(TestNode.settings(TestNode.freshDataDir(), java.util.Optional.of(true))
                .withLimits(noPasswordBudgets))) {
            Api api = node.api();
            Target target = Target.set(api, ROOMS);
            List<Api.Session> guessers = guessers(api, GUESSERS);

            // 48 workers: more guesses at once than the pool runs and queues together, so some are shed as BUSY.
            // Five rounds each keep the pool full for seconds; more would only spend the suite's time hashing.
            Result result = attack(api, target, guessers, 48, 5);

            result.probes().assertWithin(TYPICAL, SLOWEST);
            assertTrue(Set.of(403, 503).containsAll(result.statuses().keySet()), "only wrong or busy: " + result.statuses());
            assertTrue(result.statuses().getOrDefault(403, 0) > 0, "some guesses were checked: " + result.statuses());
            assertTrue(result.statuses().getOrDefault(503, 0) > 0, "a full queue sheds guesses as BUSY: " + result.statuses());
            assertEquals(0, result.withoutRetryAfter().get(), "every 503 says when to try again");
            assertEquals((long) result.statuses().get(403), target.refusedPasswordAttempts(api));
        }
    }

    /** The owner's locked rooms under attack, and an open room the bystander joins and leaves. */
    private record Target(Api.Session owner, List<String> lockedRooms, String openRoom) {
        static Target set(Api api, int rooms) {
            Api.Session owner = api.devLogin("owner");
            List<String> locked = new ArrayList<>();
            for (int i = 0; i < rooms; i++) {
                locked.add(create(api, owner, Map.of("title", "locked " + i, "description", "guess me", "password", "k7#Qz9")));
            }
            return new Target(owner, locked, create(api, owner, Map.of("title", "open", "description", "come in", "maxMembers", 10)));
        }

        long refusedPasswordAttempts(Api api) {
            return lockedRooms.stream().mapToLong(id -> api.get("/api/rooms/" + id, owner).body()
                    .get("refusedPasswordAttempts").asLong()).sum();
        }

        private static String create(Api api, Api.Session owner, Map<String, Object> body) {
            Api.Reply created = api.post("/api/rooms", owner, body);
            assertEquals(201, created.status(), created.raw());
            return created.body().get("id").asText();
        }
    }

    private static List<Api.Session> guessers(Api api, int count) {
        List<Api.Session> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(api.devLogin("guesser" + i));
        }
        return sessions;
    }

    private record Result(Map<Integer, Integer> statuses, AtomicInteger withoutRetryAfter, Probes probes) {
    }

    /**
     * {@code workers} guessers at once, each sending up to {@code guessesEach} wrong passwords (worker
     * {@code w} as guesser {@code w % guessers} at room {@code guesser % rooms}), while the bystander probes.
     */
    private static Result attack(Api api, Target target, List<Api.Session> guessers, int workers, int guessesEach)
            throws Exception {
        // The bystander's own client, so its requests never queue behind the attackers' connections.
        Api bystanderApi = new Api(api.base());
        Api.Session bystander = bystanderApi.devLogin("bystander");
        warmUp(bystanderApi, bystander, target);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + ATTACK_LIMIT.toNanos();
        Probes probes = new Probes();
        try (ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(attackers.submit(() -> {
                    Api.Session guesser = guessers.get(worker % guessers.size());
                    String room = target.lockedRooms().get((worker % guessers.size()) % target.lockedRooms().size());
                    for (int n = 0; n < guessesEach && !stop.get() && System.nanoTime() < deadline; n++) {
                        Api.Reply reply = api.post("/api/rooms/" + room + "/members", guesser,
                                Map.of("password", "g" + worker + "x" + n));
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                        if ((reply.status() == 429 || reply.status() == 503) && reply.headers().firstValue("Retry-After").isEmpty()) {
                            withoutRetryAfter.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            // The bystander probes for as long as the attack runs (at most ATTACK_LIMIT), a few times a second.
            int probe = 0;
            while (running.stream().anyMatch(f -> !f.isDone()) && System.nanoTime() < deadline) {
                probes.health.add(timed(() -> assertEquals(200, bystanderApi.get("/api/health", null).status())));
                if (probe % 4 == 0 && probes.logins.size() < 12) {
                    probes.logins.add(timed(() -> bystanderApi.devLogin("bystander")));
                }
                if (probe % 4 == 2) {
                    probes.joins.add(timed(() -> {
                        Api.Reply joined = bystanderApi.post("/api/rooms/" + target.openRoom() + "/members", bystander, null);
                        assertEquals(200, joined.status(), joined.raw());
                    }));
                    assertEquals(204, bystanderApi.delete("/api/rooms/" + target.openRoom() + "/members/me", bystander).status());
                }
                probe++;
                Thread.sleep(100); // pacing the probes, not waiting for an outcome
            }
            stop.set(true);
            for (Future<?> worker : running) {
                worker.get(30, TimeUnit.SECONDS);
            }
        }
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        System.out.printf("password guessing: %s; health %s; logins %s; joins %s%n", counted, probes.health.summary(),
                probes.logins.summary(), probes.joins.summary());
        return new Result(counted, withoutRetryAfter, probes);
    }

    /** The first requests of a fresh JVM pay for class loading and compilation; that is not what is measured. */
    private static void warmUp(Api api, Api.Session bystander, Target target) {
        for (int i = 0; i < 20; i++) {
            api.get("/api/health", null);
            api.post("/api/rooms/" + target.openRoom() + "/members", bystander, null);
            api.delete("/api/rooms/" + target.openRoom() + "/members/me", bystander);
        }
    }

    private static Duration timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** What the bystander measured. */
    private static final class Probes {
        final Latencies health = new Latencies("health");
        final Latencies logins = new Latencies("login");
        final Latencies joins = new Latencies("join");

        void assertWithin(Duration typical, Duration slowest) {
            assertTrue(health.size() >= 5 && logins.size() >= 2 && joins.size() >= 2,
                    "the bystander probed while the attack ran: " + health.size() + " " + logins.size() + " " + joins.size());
            for (Latencies latencies : List.of(health, logins, joins)) {
                latencies.assertWithin(typical, slowest);
            }
        }
    }

    private static final class Latencies {
        private final String what;
        private final List<Duration> samples = Collections.synchronizedList(new ArrayList<>());

        Latencies(String what) {
            this.what = what;
        }

        void add(Duration sample) {
            samples.add(sample);
        }

        int size() {
            return samples.size();
        }

        String summary() {
            List<Duration> sorted = samples.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return "none";
            }
            return sorted.size() + " samples, p50 " + sorted.get(sorted.size() / 2).toMillis() + " ms, p90 "
                    + sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1)).toMillis() + " ms, max "
                    + sorted.getLast().toMillis() + " ms";
        }

        /** The 90th percentile under {@code typical}, the slowest under {@code slowest}. */
        void assertWithin(Duration typical, Duration slowest) {
            List<Duration> sorted = samples.stream().sorted().toList();
            Duration p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
            assertTrue(p90.compareTo(typical) < 0, what + ": 1 in 10 took " + p90.toMillis() + " ms or more under the attack ("
                    + summary() + "); the bound is " + typical.toMillis() + " ms");
            assertTrue(sorted.getLast().compareTo(slowest) < 0, what + " took " + sorted.getLast().toMillis()
                    + " ms under the attack (" + summary() + "); the bound is " + slowest.toMillis() + " ms");
        }
    }
}
