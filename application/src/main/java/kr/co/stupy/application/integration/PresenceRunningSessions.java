package kr.co.stupy.application.integration;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.in.LivePresenceQuery;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** A live connection is a study session running: study time reads them from presence. */
public final class PresenceRunningSessions implements RunningSessions {

    private final LivePresenceQuery presence;

    public PresenceRunningSessions(LivePresenceQuery presence) {
        this.presence = presence;
    }

    @Override
    public List<RunningSession> inRoom(RoomId roomId) {
        return presence.liveInRoom(roomId).stream().map(PresenceRunningSessions::session).toList();
    }

    @Override
    public Optional<RunningSession> ofUser(UserId userId) {
        return presence.liveConnectionOf(userId).map(PresenceRunningSessions::session);
    }

    @Override
    public Map<RoomId, List<RunningSession>> inRooms(Collection<RoomId> rooms) {
        Map<RoomId, List<RunningSession>> live = new HashMap<>();
        // One count for the page, then the members of the rooms that have any (most rooms on a page are quiet).
        presence.liveCounts(rooms).forEach((room, count) -> {
            if (count > 0) {
                List<RunningSession> sessions = inRoom(room);
                if (!sessions.isEmpty()) {
                    live.put(room, sessions);
                }
            }
        });
        return live;
    }

    @Override
    public List<RunningSession> all() {
        return presence.liveEverywhere().stream().map(PresenceRunningSessions::session).toList();
    }

    private static RunningSession session(LiveConnection connection) {
        return new RunningSession(connection.userId(), connection.roomId(), connection.sessionId(), connection.state());
    }
}
