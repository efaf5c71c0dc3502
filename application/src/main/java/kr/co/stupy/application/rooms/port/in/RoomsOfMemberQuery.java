package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** The rooms a user is a member of. */
public interface RoomsOfMemberQuery {
    List<RoomId> roomsOf(UserId userId);
}
