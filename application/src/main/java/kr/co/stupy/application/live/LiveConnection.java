package kr.co.stupy.application.live;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/**
 * A member live in a room: which connection, on which node, since when, and what they do now
 * ({@code state}: studying a subject or on a break, since when). {@code sessionId} is the study
 * session of the current state when studying, the last one (already ended) when on a break.
 */
public record LiveConnection(ConnectionId connectionId, UserId userId, RoomId roomId, String nodeId, Instant since,
                             String sessionId, StudyState state) {

    /** A connection that has just arrived: studying with no subject from {@code since}. */
    public LiveConnection(ConnectionId connectionId, UserId userId, RoomId roomId, String nodeId, Instant since, String sessionId) {
        this(connectionId, userId, roomId, nodeId, since, sessionId, StudyState.studying(Optional.empty(), since));
    }

    public LiveConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(state, "state");
    }

    /** The same connection in a new state, studying in {@code session} or on a break after it. */
    public LiveConnection withState(String session, StudyState next) {
        return new LiveConnection(connectionId, userId, roomId, nodeId, since, session, next);
    }
}
