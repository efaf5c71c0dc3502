package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.CloseStaleLiveUseCase;
import kr.co.stupy.application.live.port.in.DisconnectLiveUseCase;
import kr.co.stupy.application.live.port.in.RoomChangesUseCase;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase.SessionEnd;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * Every way out of a live room: a closed connection, a member removed or gone, a room deleted, a
 * node that died. Each ends the session the connection was the same way, once.
 */
public final class LiveDepartureService implements DisconnectLiveUseCase, RoomChangesUseCase, CloseStaleLiveUseCase {

    /** A connection or session that has not beaten for this long belongs to a node that died. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(45);

    private final LivePresence presence;
    private final RoomBroadcaster broadcaster;
    private final StudySessionsUseCase sessions;
    private final HeldConnections held;
    private final ConnectionBeats beats;
    private final RoomAnnouncer announcer;
    private final Clock clock;

    LiveDepartureService(LiveServices.Dependencies needs, HeldConnections held, ConnectionBeats beats, RoomAnnouncer announcer) {
        this.presence = needs.presence();
        this.broadcaster = needs.broadcaster();
        this.sessions = needs.sessions();
        this.clock = needs.clock();
        this.held = held;
        this.beats = beats;
        this.announcer = announcer;
    }

    @Override
    public void disconnect(ConnectionId connectionId) {
        beats.forget(connectionId);
        held.release(connectionId);
        presence.remove(connectionId).ifPresent(gone -> announcer.ended(gone, "님이 나갔어요"));
    }

    @Override
    public void memberRemoved(RoomId roomId, UserId userId) {
        endMembership(roomId, userId, new LiveEvent.Kicked(), "님이 방에서 내보내졌어요");
    }

    @Override
    public void memberLeft(RoomId roomId, UserId userId) {
        endMembership(roomId, userId, new LiveEvent.Left(), "님이 방을 나갔어요");
    }

    private void endMembership(RoomId roomId, UserId userId, LiveEvent farewell, String notice) {
        presence.ofUser(userId).filter(c -> c.roomId().equals(roomId))
                .flatMap(c -> presence.remove(c.connectionId()))
                .ifPresent(gone -> {
                    broadcaster.toConnection(gone.connectionId(), farewell);
                    announcer.ended(gone, notice);
                });
    }

    @Override
    public void roomClosed(RoomId roomId) {
        Instant now = clock.instant();
        for (LiveConnection connection : presence.inRoom(roomId)) {
            presence.remove(connection.connectionId()).ifPresent(gone -> {
                broadcaster.toConnection(gone.connectionId(), new LiveEvent.RoomClosed());
                // The room is gone: no total to add to; the user's day totals still grow, and the room's removal takes them back.
                sessions.endInRemovedRoom(new SessionEnd(gone.sessionId(), now));
            });
        }
    }

    @Override
    public int reap() {
        Instant cutoff = clock.instant().minus(STALE_AFTER);
        List<LiveConnection> stale = presence.staleSince(cutoff);
        // A stale entry's session beat no later than the entry, so it is among these: closed and rolled up
        // before the member stops being live, so the board sent with the departure (read from the
        // roll-ups) already holds it, as it did when boards counted open sessions from the ledger.
        int closed = sessions.endSilentSince(cutoff);
        for (LiveConnection gone : stale) {
            if (presence.remove(gone.connectionId()).isPresent()) {
                announcer.announceLeft(gone, "님의 연결이 끊겼어요");
            }
        }
        return closed;
    }

    @Override
    public int closeSessionsOfAPreviousRun() {
        return sessions.endUnheld();
    }
}
