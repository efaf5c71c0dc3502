package kr.co.stupy.application.studytime.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.stupy.application.studytime.port.out.AllTimeRoomTotals;
import kr.co.stupy.shared.RoomId;

/** Rooms' all-time totals kept in a map the test fills (the rooms store's part of the ranking). */
public final class MapRoomTotals implements AllTimeRoomTotals {

    private final Map<RoomId, Long> totals;

    public MapRoomTotals(Map<RoomId, Long> totals) {
        this.totals = totals;
    }

    /** No room has any time. */
    public static MapRoomTotals none() {
        return new MapRoomTotals(Map.of());
    }

    @Override
    public List<RoomTotal> mostStudied(int limit) {
        return totals.entrySet().stream().sorted(Map.Entry.<RoomId, Long>comparingByValue().reversed()).limit(limit)
                .map(e -> new RoomTotal(e.getKey(), e.getValue())).toList();
    }

    @Override
    public Map<RoomId, Long> totalsOf(Collection<RoomId> rooms) {
        Map<RoomId, Long> found = new HashMap<>();
        rooms.forEach(room -> {
            if (totals.containsKey(room)) {
                found.put(room, totals.get(room));
            }
        });
        return found;
    }
}
