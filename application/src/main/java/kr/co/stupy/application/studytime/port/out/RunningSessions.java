package kr.co.stupy.application.studytime.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * The study sessions running now, as every node sees them (who is live where): statistics and boards
 * add them to what the roll-ups hold, and the end of a previous run keeps them open.
 */
public interface RunningSessions {

    /** A session running now: its user, room and ledger id, and when it started. */
    record RunningSession(UserId userId, RoomId roomId, String sessionId, Instant since) {
        public RunningSession {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(since, "since");
        }
    }

    List<RunningSession> inRoom(RoomId roomId);

    Optional<RunningSession> ofUser(UserId userId);

    /** Nobody is live: what a rebuild of the roll-ups, run with no node serving, reads. */
    static RunningSessions none() {
        return new RunningSessions() {
            @Override
            public List<RunningSession> inRoom(RoomId roomId) {
                return List.of();
            }

            @Override
            public Optional<RunningSession> ofUser(UserId userId) {
                return Optional.empty();
            }
        };
    }
}
