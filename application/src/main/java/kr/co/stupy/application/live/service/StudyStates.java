package kr.co.stupy.application.live.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase.SessionEnd;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;

/**
 * Moves a live connection from one state to the next, whoever asks (its own frames, the room's
 * pomodoro). A move is one instant: the running session ends there and, when the member studies on,
 * the next one (with its subject) begins there, so a break is in no session and a subject's time is
 * exactly its sessions'. Presence then records the new state; if the connection left meanwhile, the
 * session just begun is ended at once and nothing is announced, so no session outlives its connection.
 */
final class StudyStates {

    private final HeldConnections held;
    private final LivePresence presence;
    private final StudySessionsUseCase sessions;
    private final RoomBroadcaster broadcaster;
    private final RoomAnnouncer announcer;

    StudyStates(LiveServices.Dependencies needs, HeldConnections held, RoomAnnouncer announcer) {
        this.held = held;
        this.presence = needs.presence();
        this.sessions = needs.sessions();
        this.broadcaster = needs.broadcaster();
        this.announcer = announcer;
    }

    /** Runs {@code change} with the connection's lock held, so moves of one connection never interleave. */
    <T> T exclusively(ConnectionId connectionId, Supplier<T> change) {
        synchronized (held.lockOf(connectionId)) {
            return change.get();
        }
    }

    /**
     * Moves the connection to {@code status} and {@code subject} at {@code at} (never before its current
     * state began) and tells the room; empty when the connection is no longer live.
     */
    Optional<LiveConnection> move(LiveConnection connection, StudyStatus status, Optional<Subject> subject, Instant at) {
        Instant when = latest(at.truncatedTo(ChronoUnit.MILLIS), connection.state().since());
        StudyState next = new StudyState(status, subject, when);
        if (connection.state().studying()) {
            sessions.end(new SessionEnd(connection.sessionId(), when));
        }
        String sessionId = connection.sessionId();
        if (next.studying()) {
            StudySession session = StudySession.start(connection.userId(), connection.roomId(), subject, when);
            sessions.begin(session);
            sessionId = session.id();
        }
        Optional<LiveConnection> changed = presence.changeState(connection.connectionId(), sessionId, next);
        if (changed.isEmpty()) {
            if (next.studying()) {
                sessions.end(new SessionEnd(sessionId, when));
            }
            return Optional.empty();
        }
        held.changed(changed.get());
        broadcaster.toRoom(connection.roomId(), statusOf(changed.get()));
        announcer.todayBoard(connection.roomId())
                .ifPresent(board -> broadcaster.toRoom(connection.roomId(), new LiveEvent.StudyUpdate(board)));
        return changed;
    }

    /** Tells the connection alone where it stands (a status frame that changed nothing). */
    void tell(LiveConnection connection) {
        broadcaster.toConnection(connection.connectionId(), statusOf(connection));
    }

    /** The room's break phase began at {@code at}: a studying connection rests until the next focus. */
    void pauseForPomodoro(ConnectionId connectionId, Instant at) {
        exclusively(connectionId, () -> held.get(connectionId).filter(c -> c.state().studying()).map(c -> {
            held.pausedByPomodoro(connectionId, true);
            return move(c, StudyStatus.BREAK, c.state().subject(), at);
        }));
    }

    /** The room's focus phase began at {@code at} (or its pomodoro stopped): a connection it put on a break studies again. */
    void resumeAfterPomodoro(ConnectionId connectionId, Instant at) {
        exclusively(connectionId, () -> held.get(connectionId).filter(c -> held.pausedByPomodoro(connectionId)).map(c -> {
            held.pausedByPomodoro(connectionId, false);
            return c.state().studying() ? Optional.of(c) : move(c, StudyStatus.STUDYING, c.state().subject(), at);
        }));
    }

    private static LiveEvent.PeerStatus statusOf(LiveConnection connection) {
        return new LiveEvent.PeerStatus(connection.connectionId(), connection.userId(), connection.state());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
