package kr.co.stupy.application.live.port.in;

import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** What the rooms context tells live rooms: a member was removed, or the room is gone. */
public interface RoomChangesUseCase {

    /** The member's live connection in the room gets {@code kicked} and closes. */
    void memberRemoved(RoomId roomId, UserId userId);

    /** The member left the room while live (from another tab or device): the connection gets {@code left} and closes. */
    void memberLeft(RoomId roomId, UserId userId);

    /** Every live connection of the room gets {@code room-closed} and closes. */
    void roomClosed(RoomId roomId);
}
