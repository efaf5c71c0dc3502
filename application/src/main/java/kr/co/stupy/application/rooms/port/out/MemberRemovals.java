package kr.co.stupy.application.rooms.port.out;

import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Who must hear that a member was removed from a room (live rooms close that member's connection). */
public interface MemberRemovals {
    void memberRemoved(RoomId roomId, UserId userId);
}
