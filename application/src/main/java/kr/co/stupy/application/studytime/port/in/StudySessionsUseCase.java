package kr.co.stupy.application.studytime.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import kr.co.stupy.studytime.StudySession;

/**
 * The ledger of study sessions as live rooms drive it: a session begins with a live connection,
 * beats while it stays, and ends once, wherever it ends (a close, a kick, a dead node's reaper).
 * The one call that really ends a session adds its time to the room's total and to the roll-ups.
 */
public interface StudySessionsUseCase {

    /**
     * Sessions that were alive at {@code at}; {@code everyHeld}: they are every session the caller
     * holds (its periodic beat), so one it held before and leaves out now is no longer beaten.
     */
    record Beat(List<String> sessionIds, Instant at, boolean everyHeld) {
        public Beat {
            sessionIds = List.copyOf(sessionIds);
            Objects.requireNonNull(at, "at");
        }

        /** A beat of these sessions only (a ping, a restore); the caller's other sessions are not concerned. */
        public static Beat some(List<String> sessionIds, Instant at) {
            return new Beat(sessionIds, at, false);
        }
    }

    /** A session ends at {@code at}. */
    record SessionEnd(String sessionId, Instant at) {
        public SessionEnd {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Records a session that has just started; the connection it belongs to is admitted already. */
    void begin(StudySession session);

    void beat(Beat beat);

    /** Ends the session: true for the one call that really ended it (and counted its time). */
    boolean end(SessionEnd end);

    /** Ends the session of a room being deleted: the user's time is rolled up, the room has no total left to add to. */
    void endInRemovedRoom(SessionEnd end);

    /** Ends every open session that has not beaten since {@code cutoff}, at its last heartbeat; returns how many. */
    int endSilentSince(Instant cutoff);

    /**
     * Ends, at their last heartbeat, the open sessions no live connection holds any more: what this
     * node's previous life left open when its presence was its own. Returns how many.
     */
    int endUnheld();
}
