package kr.co.stupy.application.live;

import java.time.Instant;
import java.util.Objects;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** A member live in a room: which connection, on which node, since when, studying in which session. */
public record LiveConnection(ConnectionId connectionId, UserId userId, RoomId roomId, String nodeId, Instant since,
                             String sessionId) {
    public LiveConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
