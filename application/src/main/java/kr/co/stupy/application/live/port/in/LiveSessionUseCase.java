package kr.co.stupy.application.live.port.in;

import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;

/** What a live connection does while open, and its end. Failures come back as an error code for an {@code error} frame. */
public interface LiveSessionUseCase {

    /** A problem with one frame; the connection stays open. */
    record FrameError(String code, String message) {
    }

    Optional<FrameError> chat(ConnectionId from, String clientMsgId, String text);

    Optional<FrameError> signal(ConnectionId from, String to, String kind, Map<String, Object> payload);

    /** The connection is alive (a ping frame, or the node's own periodic beat). */
    void heartbeat(ConnectionId connectionId);

    /** The connection closed, for whatever reason; closing twice does nothing. */
    void disconnect(ConnectionId connectionId);
}
