package kr.co.stupy.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A store whose sync takes a while and records which applied writes each sync carried. */
    static final class SlowStore {
        final AtomicLong applied = new AtomicLong();
        final AtomicLong onDisk = new AtomicLong();
        final AtomicInteger syncs = new AtomicInteger();
        volatile boolean failing;

        void sync() {
            long carried = applied.get();
            syncs.incrementAndGet();
            sleep(5);
            if (failing) {
                throw new IllegalStateException("disk full");
            }
            onDisk.accumulateAndGet(carried, Math::max);
        }
    }

    @Test
    void concurrentWritersShareSyncsAndEachReturnsOnlyOnceItsWriteIsOnDisk() throws Exception {
        SlowStore store = new SlowStore();
        GroupCommit group = new GroupCommit(store::sync);
        int writers = 64;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    long mine = store.applied.incrementAndGet();
                    group.awaitDurable();
                    return store.onDisk.get() >= mine;
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertTrue(result.get(), "a writer returned before a sync carried its write");
            }
        }
        assertTrue(store.syncs.get() < writers / 4, "64 writers paid " + store.syncs.get() + " syncs");
    }

    @Test
    void aFailedSyncCoversNobodyAndTheNextWriterSyncsAgain() {
        SlowStore store = new SlowStore();
        GroupCommit group = new GroupCommit(store::sync);
        store.applied.incrementAndGet();
        store.failing = true;
        assertThrows(IllegalStateException.class, group::awaitDurable);
        assertEquals(0, store.onDisk.get());

        store.failing = false;
        store.applied.incrementAndGet();
        group.awaitDurable();
        assertEquals(2, store.onDisk.get(), "the retry carries the write whose sync failed too");
        assertEquals(2, store.syncs.get());
    }

    @Test
    void aLoneWriterSyncsItself() {
        SlowStore store = new SlowStore();
        GroupCommit group = new GroupCommit(store::sync);
        for (int i = 1; i <= 3; i++) {
            store.applied.incrementAndGet();
            group.awaitDurable();
            assertEquals(i, store.onDisk.get());
        }
        assertEquals(3, store.syncs.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
