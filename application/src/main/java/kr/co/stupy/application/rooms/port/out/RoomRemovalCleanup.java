package kr.co.stupy.application.rooms.port.out;

import kr.co.stupy.shared.RoomId;

/**
 * What another context must do once a room is gone (delete its chat, its study records, tell its
 * live members). Runs after the room was deleted; each step is idempotent.
 */
public interface RoomRemovalCleanup {
    void roomRemoved(RoomId roomId);
}
