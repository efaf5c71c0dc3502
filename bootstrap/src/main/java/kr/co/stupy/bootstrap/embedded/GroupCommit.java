package kr.co.stupy.bootstrap.embedded;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable in groups: a writer whose change is applied takes a ticket and waits until
 * a sync that began after its ticket has finished. Whoever holds the lock syncs for every ticket
 * taken so far; writers that arrived while it ran find themselves covered by the next one, so N
 * concurrent writers share a few syncs instead of paying N in a row. A failed sync covers nobody:
 * its writers see the failure, and the next writer syncs again.
 */
final class GroupCommit {

    /** Writes everything applied so far to stable storage, or throws. */
    interface Sync {
        void run();
    }

    private final Sync sync;
    private final ReentrantLock syncing = new ReentrantLock();
    private final AtomicLong tickets = new AtomicLong();
    /** The highest ticket a finished sync covered; written only under {@link #syncing}. */
    private volatile long durable;

    GroupCommit(Sync sync) {
        this.sync = sync;
    }

    /** Call after the change is applied; returns once it is on stable storage. */
    void awaitDurable() {
        long mine = tickets.incrementAndGet();
        syncing.lock();
        try {
            if (durable >= mine) {
                return;
            }
            // Every ticket up to here was taken after its change was applied, so this sync carries them all.
            long covers = tickets.get();
            sync.run();
            durable = covers;
        } finally {
            syncing.unlock();
        }
    }
}
