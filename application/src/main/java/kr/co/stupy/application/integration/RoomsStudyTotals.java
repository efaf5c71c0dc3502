package kr.co.stupy.application.integration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.studytime.port.out.AllTimeRoomTotals;
import kr.co.stupy.application.studytime.port.out.RoomStudyTotals;
import kr.co.stupy.rooms.RoomSearch;
import kr.co.stupy.rooms.RoomSort;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;

/**
 * A room's all-time study total is kept on the room itself (its card and its rank show it): study
 * time adds to it there, and ranks rooms by it, through the rooms' own store.
 */
public final class RoomsStudyTotals implements RoomStudyTotals, AllTimeRoomTotals {

    private final Rooms rooms;

    public RoomsStudyTotals(Rooms rooms) {
        this.rooms = rooms;
    }

    @Override
    public void add(RoomId roomId, long seconds) {
        rooms.addStudySeconds(roomId, seconds);
    }

    @Override
    public List<RoomTotal> mostStudied(int limit) {
        return rooms.search(new RoomSearch(Optional.empty(), Optional.empty(), RoomSort.STUDIED), new PageRequest(limit, Optional.empty()))
                .items().stream().map(room -> new RoomTotal(room.id(), room.totalStudySeconds())).toList();
    }

    @Override
    public Map<RoomId, Long> totalsOf(Collection<RoomId> roomIds) {
        return roomIds.isEmpty() ? Map.of() : rooms.studySecondsOf(roomIds);
    }
}
