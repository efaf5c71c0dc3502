package kr.co.stupy.application.identity.port.out;

import java.util.List;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** The rooms a user belongs to, as the rooms context knows them. */
public interface RoomMemberships {
    List<RoomId> roomsOf(UserId userId);
}
