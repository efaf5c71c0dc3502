package kr.co.stupy.application.live.port.in;

import java.util.concurrent.CompletableFuture;
import kr.co.stupy.application.live.ConnectionId;

/** Proves this node's live connections alive, so their study time keeps counting and no reaper takes them. */
public interface KeepAliveUseCase {

    /**
     * The node's periodic beat: every connection it holds is proved alive in one write to presence
     * and one to the ledger, however many there are. Returns how many were still present.
     */
    int heartbeatAll();

    /**
     * The client pinged. A connection whose beat was written within the last heartbeat interval and
     * a few seconds (which the node's periodic beat keeps true) is answered at once; otherwise it
     * beats with the next flush of pings, in one batched write for every connection that pinged
     * meanwhile, and this completes once that beat is written (or failed), so a {@code pong} always
     * means the beat is kept. Fails with a {@code RATE_LIMITED}
     * {@link kr.co.stupy.shared.RetryLaterException} when the connection pings beyond its budget.
     */
    CompletableFuture<Void> pinged(ConnectionId connectionId);

    /** Writes the beats of the connections that pinged since the last flush; returns how many were present. */
    int flushPings();
}
