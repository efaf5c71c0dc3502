package kr.co.stupy.application.live.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.in.LivePresenceQuery;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Reads presence for other contexts, so they never hold the live context's own port. */
public final class LivePresenceService implements LivePresenceQuery {

    private final LivePresence presence;

    public LivePresenceService(LivePresence presence) {
        this.presence = presence;
    }

    @Override
    public List<LiveConnection> liveInRoom(RoomId roomId) {
        return presence.inRoom(roomId);
    }

    @Override
    public Optional<LiveConnection> liveConnectionOf(UserId userId) {
        return presence.ofUser(userId);
    }

    @Override
    public List<LiveConnection> liveEverywhere() {
        return presence.all();
    }

    @Override
    public Map<RoomId, Integer> liveCounts(Collection<RoomId> roomIds) {
        return presence.counts(roomIds);
    }
}
