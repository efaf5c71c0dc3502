package kr.co.stupy.studytime;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * Every study session, recorded when it starts and kept up to date by heartbeats, so that no
 * acknowledged second is lost when a node dies. Each change is one conditional update of one session.
 */
public interface StudyLedger {

    /** Records a session that just started. */
    void begin(StudySession session);

    /** Moves an open session's last heartbeat forward (never back); false when it is unknown or ended. */
    boolean heartbeat(String sessionId, Instant at);

    /**
     * Moves many open sessions' last heartbeat forward at once (a node beats for every session it
     * holds in one write, not one write each); returns how many moved. Same rules as {@link #heartbeat}.
     */
    default int heartbeatAll(Collection<String> sessionIds, Instant at) {
        int moved = 0;
        for (String id : sessionIds) {
            if (heartbeat(id, at)) {
                moved++;
            }
        }
        return moved;
    }

    /**
     * A node's periodic beat: {@code held} is every open session this caller holds now, all alive at
     * {@code at}. Same rules as {@link #heartbeatAll} for what reads then return, with one more: a
     * session this caller listed in an earlier call and leaves out now keeps the beat it had, so it
     * goes stale like any session nobody beats. An implementation may record the whole beat as one
     * write per caller (not one per session); this default writes each session.
     */
    default void beatEveryHeld(Collection<String> held, Instant at) {
        heartbeatAll(held, at);
    }

    /**
     * Ends an open session at {@code at} (not before its start). Exactly one caller ends a session:
     * the others, and calls for an unknown session, get nothing.
     */
    Optional<StudySession> end(String sessionId, Instant at);

    /** Open sessions whose last heartbeat is older than {@code cutoff}: their node stopped beating. */
    List<StudySession> openWithHeartbeatBefore(Instant cutoff);

    /** Sessions in the room that overlap {@code [from, to)}, open ones included. */
    List<StudySession> inRoom(RoomId roomId, Instant from, Instant to);

    /** Sessions of the user that overlap {@code [from, to)}, open ones included. */
    List<StudySession> ofUser(UserId userId, Instant from, Instant to);

    /** Hands every finished session to {@code action}, one at a time (a rebuild of the roll-ups reads the whole ledger). */
    void forEachFinished(java.util.function.Consumer<StudySession> action);

    /** Forgets every session of a room that was deleted; returns how many. */
    long deleteRoom(RoomId roomId);
}
