package kr.co.stupy.shared.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Runs tasks really at once: each on its own virtual thread, all held at one gate and released
 * together, so they race for the same invariant. Results come back in task order; the first
 * failure is rethrown as it was (an assertion stays an assertion).
 */
public final class Parallel {

    /** One of the racing tasks; {@code i} tells it apart from the others. */
    @FunctionalInterface
    public interface Task<T> {
        T run(int i) throws Exception;
    }

    private Parallel() {
    }

    public static <T> List<T> run(int count, Task<T> task) {
        CountDownLatch gate = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = IntStream.range(0, count).mapToObj(i -> pool.submit(() -> {
                gate.await();
                return task.run(i);
            })).toList();
            gate.countDown();
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
