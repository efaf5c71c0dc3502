package kr.co.stupy.application.live.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Rooms' rosters as a test sets them: members per room (owner first) and bans. */
public final class FakeRooms implements RoomRosterQuery {
    public final Map<RoomId, List<UserId>> members = new HashMap<>();
    public final Map<RoomId, Set<UserId>> bans = new HashMap<>();

    @Override
    public Optional<Roster> rosterOf(RoomId roomId) {
        return Optional.ofNullable(members.get(roomId)).map(list -> new Roster(list, bans.getOrDefault(roomId, Set.of())));
    }
}
