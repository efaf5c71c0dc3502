package kr.co.stupy.application.studytime.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/**
 * The study sessions running now, as every node sees them (who is live where): statistics and boards
 * add them to what the roll-ups hold, and the end of a previous run keeps them open.
 */
public interface RunningSessions {

    /**
     * A member live now: user, room, and what they do ({@code state}). When studying, the session
     * {@code sessionId} runs since {@code state.since()}; on a break nothing runs and
     * {@code sessionId} is the session the break ended. Only a studying member's time counts.
     */
    record RunningSession(UserId userId, RoomId roomId, String sessionId, StudyState state) {

        /** Studying with no subject since {@code since}. */
        public RunningSession(UserId userId, RoomId roomId, String sessionId, Instant since) {
            this(userId, roomId, sessionId, StudyState.studying(Optional.empty(), since));
        }

        public RunningSession {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(state, "state");
        }

        /** When the current state began: the running session's start when studying. */
        public Instant since() {
            return state.since();
        }

        public boolean studying() {
            return state.studying();
        }
    }

    /** The room's live members, on a break or not. */
    List<RunningSession> inRoom(RoomId roomId);

    Optional<RunningSession> ofUser(UserId userId);

    /** The live members of each of {@code rooms} that has any (a page of rooms, mostly quiet: a shared presence asks only for those with someone live). */
    default Map<RoomId, List<RunningSession>> inRooms(Collection<RoomId> rooms) {
        Map<RoomId, List<RunningSession>> live = new HashMap<>();
        for (RoomId room : rooms) {
            List<RunningSession> sessions = inRoom(room);
            if (!sessions.isEmpty()) {
                live.put(room, sessions);
            }
        }
        return live;
    }

    /** Every live member of every room, on a break or not (rankings add the studying ones to what the roll-ups hold). */
    List<RunningSession> all();

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

            @Override
            public List<RunningSession> all() {
                return List.of();
            }
        };
    }
}
