package kr.co.stupy.application.rooms.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.Rooms;

/**
 * Adds presence and rank to rooms. Ranks are counted by the store for a whole page at once (rooms
 * with more study time + 1), never by loading every room.
 */
final class RoomViews {

    private final Rooms rooms;
    private final LiveRoomsView live;

    RoomViews(Rooms rooms, LiveRoomsView live) {
        this.rooms = rooms;
        this.live = live;
    }

    RoomView of(Room room) {
        return of(List.of(room)).getFirst();
    }

    List<RoomView> of(List<Room> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        var liveCounts = live.liveCounts(page.stream().map(Room::id).toList());
        Map<Long, Long> ranks = rooms.ranksOf(page.stream().map(Room::totalStudySeconds).collect(Collectors.toSet()));
        return page.stream()
                .map(room -> new RoomView(room, liveCounts.getOrDefault(room.id(), 0), ranks.get(room.totalStudySeconds())))
                .toList();
    }
}
