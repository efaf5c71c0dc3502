package kr.co.stupy.bootstrap.security;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.shared.RetryLaterException;

/**
 * Password hashing on a few threads of its own, in front of a slow {@link PasswordHasher}. Requests
 * run on virtual threads, which the JVM never takes off a core in the middle of a computation: a
 * storm of hashes on them held every carrier thread, and health checks, logins and joins waited
 * behind it for seconds. Here a hash waits its turn on a bounded queue while the request's virtual
 * thread is parked, so at most {@code threads} cores hash at once and the rest of the node keeps
 * answering. When {@code queueLimit} hashes are already waiting the request is refused at once with
 * {@code 503 BUSY} and a {@code Retry-After}; so is a hash that waited longer than {@code maxWait}
 * for a thread (a starved machine hashes slower than the queue limit assumes), instead of leaving
 * the client waiting longer than anyone would.
 */
public final class HashingPool implements PasswordHasher, AutoCloseable {

    /** Hashes waiting beyond those being computed before new ones are refused with {@code 503 BUSY}. */
    public static final int DEFAULT_QUEUE_LIMIT = 32;

    /** The longest a hash waits for a thread before it is given up as {@code 503 BUSY}. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    /** What a refused hash tells the client to wait: roughly what a full queue takes to drain (32 × ~100 ms on one thread). */
    static final Duration RETRY_AFTER = Duration.ofSeconds(3);

    private final PasswordHasher slow;
    private final ThreadPoolExecutor pool;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;

    public HashingPool(PasswordHasher slow, int threads, int queueLimit, Duration maxWait) {
        this(slow, threads, queueLimit, maxWait, System::nanoTime);
    }

    /** With a time source of the test's own. */
    HashingPool(PasswordHasher slow, int threads, int queueLimit, Duration maxWait, LongSupplier nanoTime) {
        if (threads < 1 || queueLimit < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("a hashing pool needs a thread, a queue limit and a wait of 0 or more");
        }
        this.slow = slow;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                // A queue of 0 hands a hash only to an idle thread.
                queueLimit == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueLimit),
                Thread.ofPlatform().daemon().name("password-hashing-", 1).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * One thread per core but one, so a core is always left for everything else, and at most two:
     * hashes are rare for an honest user (creating a room, joining a locked one), and the budgets of
     * attempts keep a guesser's few.
     */
    public static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
    }

    @Override
    public PasswordHash hash(RoomPassword password) {
        return run(() -> slow.hash(password));
    }

    @Override
    public boolean matches(RoomPassword password, PasswordHash hash) {
        return run(() -> slow.matches(password, hash));
    }

    private <T> T run(Callable<T> work) {
        long queuedAt = nanoTime.getAsLong();
        Future<T> result;
        try {
            result = pool.submit(() -> {
                // Checked when a thread takes it up: a hash that started is always finished, as its cost is already paid.
                if (nanoTime.getAsLong() - queuedAt > maxWaitNanos) {
                    throw busy();
                }
                return work.call();
            });
        } catch (RejectedExecutionException full) {
            throw busy();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a password was hashed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static RetryLaterException busy() {
        return RetryLaterException.busy("too many room passwords are being checked right now; try again shortly", RETRY_AFTER);
    }

    /** Hashes waiting for a thread now (for tests). */
    int waiting() {
        return pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
