package kr.co.stupy.application.integration;

import java.util.List;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.rooms.port.in.RoomsOfMemberQuery;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Identity shows a user's rooms (in a login, a profile) as the rooms context knows them. */
public final class RoomMembershipsFromRooms implements RoomMemberships {

    private final RoomsOfMemberQuery rooms;

    public RoomMembershipsFromRooms(RoomsOfMemberQuery rooms) {
        this.rooms = rooms;
    }

    @Override
    public List<RoomId> roomsOf(UserId userId) {
        return rooms.roomsOf(userId);
    }
}
