package kr.co.stupy.application.live.port.in;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.SignalPayload;

/** What a live connection does while open, and its end. Failures come back as an error code for an {@code error} frame. */
public interface LiveSessionUseCase {

    /** A problem with one frame; the connection stays open. */
    record FrameError(String code, String message) {
    }

    Optional<FrameError> chat(ConnectionId from, String clientMsgId, String text);

    Optional<FrameError> signal(ConnectionId from, String to, String kind, SignalPayload payload);

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

    /** The connection closed, for whatever reason; closing twice does nothing. */
    void disconnect(ConnectionId connectionId);
}
