package kr.co.stupy.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RetryLaterException;
import org.junit.jupiter.api.Test;

class HashingPoolTest {

    private static final RoomPassword PASSWORD = new RoomPassword("secret");
    private static final PasswordHash HASH = new PasswordHash("hash:secret");

    @Test
    void hashesRunOnThePoolsOwnThreadsNotTheCallers() {
        List<String> threads = new ArrayList<>();
        PasswordHasher recording = new PasswordHasher() {
            @Override
            public PasswordHash hash(RoomPassword password) {
                threads.add(Thread.currentThread().getName());
                return HASH;
            }

            @Override
            public boolean matches(RoomPassword password, PasswordHash hash) {
                threads.add(Thread.currentThread().getName());
                return hash.equals(HASH);
            }
        };
        try (var pool = new HashingPool(recording, 1, 4, Duration.ofSeconds(5))) {
            assertEquals(HASH, pool.hash(PASSWORD));
            assertTrue(pool.matches(PASSWORD, HASH));
        }
        assertEquals(2, threads.size());
        assertTrue(threads.stream().allMatch(name -> name.startsWith("password-hashing-")), threads.toString());
    }

    @Test
    void whenEveryThreadIsBusyAndTheQueueIsFullTheNextHashIsRefusedAsBusyAtOnce() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordHasher blocking = new BlockingHasher(running, release);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try (var pool = new HashingPool(blocking, 1, 2, Duration.ofMinutes(1))) {
            List<Future<Boolean>> admitted = new ArrayList<>();
            admitted.add(callers.submit(() -> pool.matches(PASSWORD, HASH)));
            assertTrue(running.await(10, TimeUnit.SECONDS), "the first hash started");
            admitted.add(callers.submit(() -> pool.matches(PASSWORD, HASH)));
            admitted.add(callers.submit(() -> pool.matches(PASSWORD, HASH)));
            awaitWaiting(pool, 2);

            DomainException refused = assertThrows(DomainException.class, () -> pool.matches(PASSWORD, HASH));
            RetryLaterException busy = assertInstanceOf(RetryLaterException.class, refused);
            assertEquals("BUSY", busy.code());
            assertEquals(DomainException.Kind.BUSY, busy.kind());
            assertTrue(busy.retryAfterSeconds() >= 1);
            assertEquals("BUSY", assertThrows(DomainException.class, () -> pool.hash(PASSWORD)).code(),
                    "creating a room waits in the same queue");

            release.countDown();
            for (Future<Boolean> hash : admitted) {
                assertTrue(hash.get(10, TimeUnit.SECONDS), "an admitted hash completes");
            }
            assertTrue(pool.matches(PASSWORD, HASH), "a drained queue takes hashes again");
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void aHashThatWaitedTooLongForAThreadIsGivenUpAsBusyButOneThatStartedIsFinished() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong now = new AtomicLong();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try (var pool = new HashingPool(new BlockingHasher(running, release), 1, 4, Duration.ofSeconds(5), now::get)) {
            Future<Boolean> started = callers.submit(() -> pool.matches(PASSWORD, HASH));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            Future<Boolean> queued = callers.submit(() -> pool.matches(PASSWORD, HASH));
            awaitWaiting(pool, 1);

            now.addAndGet(Duration.ofSeconds(6).toNanos());
            release.countDown();

            assertTrue(started.get(10, TimeUnit.SECONDS), "the hash that had started is finished however long it took");
            ExecutionException gaveUp = assertThrows(ExecutionException.class, () -> queued.get(10, TimeUnit.SECONDS));
            assertEquals("BUSY", assertInstanceOf(RetryLaterException.class, gaveUp.getCause()).code());
            assertTrue(pool.matches(PASSWORD, HASH), "a fresh hash runs");
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void whatTheHasherThrowsReachesTheCallerAsItWas() {
        IllegalStateException broken = new IllegalStateException("no such algorithm");
        PasswordHasher failing = new PasswordHasher() {
            @Override
            public PasswordHash hash(RoomPassword password) {
                throw broken;
            }

            @Override
            public boolean matches(RoomPassword password, PasswordHash hash) {
                throw broken;
            }
        };
        try (var pool = new HashingPool(failing, 1, 1, Duration.ofSeconds(5))) {
            assertSame(broken, assertThrows(IllegalStateException.class, () -> pool.hash(PASSWORD)));
        }
    }

    @Test
    void theDefaultLeavesACoreAndUsesAtMostTwo() {
        int threads = HashingPool.defaultThreads();
        assertTrue(threads >= 1 && threads <= 2);
        assertTrue(threads < Runtime.getRuntime().availableProcessors() || threads == 1);
    }

    /** Polls the pool's queue (not a sleep standing in for an assertion: the test goes on the moment it is true). */
    private static void awaitWaiting(HashingPool pool, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pool.waiting() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + pool.waiting() + " hashes are waiting, expected " + expected);
            }
            Thread.sleep(5);
        }
    }

    /** Holds every comparison until released; tells when the first one runs. */
    private record BlockingHasher(CountDownLatch running, CountDownLatch release) implements PasswordHasher {
        @Override
        public PasswordHash hash(RoomPassword password) {
            await();
            return HASH;
        }

        @Override
        public boolean matches(RoomPassword password, PasswordHash hash) {
            await();
            return true;
        }

        private void await() {
            running.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
