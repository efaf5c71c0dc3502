package kr.co.stupy.application.rooms.port.out;

import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Who must hear that a member is no longer in a room (live rooms close that member's connection). */
public interface MemberRemovals {

    /** The owner kicked and banned the member. */
    void memberRemoved(RoomId roomId, UserId userId);

    /** The member left by themselves, perhaps from another device, or deleted their account. */
    void memberLeft(RoomId roomId, UserId userId);
}
