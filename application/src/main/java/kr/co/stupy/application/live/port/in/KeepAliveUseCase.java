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
     * The client pinged: its connection beats with the next flush of pings (a fraction of a second
     * later), in one batched write for every connection that pinged meanwhile, never one write per
     * ping. Completes once that beat is written (or failed), so a {@code pong} means it is kept; a
     * connection beaten moments ago is answered at once. Fails with a {@code RATE_LIMITED}
     * {@link kr.co.stupy.shared.RetryLaterException} when the connection pings beyond its budget.
     */
    CompletableFuture<Void> pinged(ConnectionId connectionId);

    /** Writes the beats of the connections that pinged since the last flush; returns how many were present. */
    int flushPings();
}
