package kr.co.stupy.application.integration;

import java.util.Collection;
import java.util.Map;
import kr.co.stupy.application.live.port.in.LivePresenceQuery;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.shared.RoomId;

/**
 * Room pages read live counts from presence. They keep answering while a shared bus is away: the
 * counts then show as nobody live, which is wrong for a moment, where an error would hide the rooms.
 */
public final class LiveRoomCounts implements LiveRoomsView {

    private static final System.Logger LOG = System.getLogger(LiveRoomCounts.class.getName());

    private final LivePresenceQuery presence;

    public LiveRoomCounts(LivePresenceQuery presence) {
        this.presence = presence;
    }

    @Override
    public Map<RoomId, Integer> liveCounts(Collection<RoomId> rooms) {
        try {
            return presence.liveCounts(rooms);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "live counts unavailable ({0}); showing rooms without them", e.getMessage());
            return Map.of();
        }
    }
}
