package kr.co.stupy.application.rooms.service;

import java.util.Collection;
import java.util.Map;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.shared.RoomId;

/** Presence before live rooms exist: nobody is live anywhere, which is the truth until then. */
public final class NobodyLive implements LiveRoomsView {
    @Override
    public Map<RoomId, Integer> liveCounts(Collection<RoomId> rooms) {
        return Map.of();
    }
}
