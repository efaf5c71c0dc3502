package kr.co.stupy.application.live.port.in;

import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.SignalPayload;

/** What a live connection does while open, and its end. Failures come back as an error code for an {@code error} frame. */
public interface LiveSessionUseCase {

    /** A problem with one frame; the connection stays open. */
    record FrameError(String code, String message) {
    }

    Optional<FrameError> chat(ConnectionId from, String clientMsgId, String text);

    Optional<FrameError> signal(ConnectionId from, String to, String kind, SignalPayload payload);

    /** The connection is alive: its presence entry and study session beat now. */
    void heartbeat(ConnectionId connectionId);

    /**
     * The node's periodic beat: every connection it holds is proved alive in one write to presence
     * and one to the ledger, however many there are. Returns how many were still present.
     */
    int heartbeatAll();

    /** The connection closed, for whatever reason; closing twice does nothing. */
    void disconnect(ConnectionId connectionId);
}
