package kr.co.stupy.application.studytime.port.in;

import kr.co.stupy.shared.RoomId;

/**
 * A room was deleted: its users' totals give back what its sessions added, and its own totals and
 * sessions go. Idempotent; runs after the room's live connections have ended their sessions.
 */
public interface ForgetRoomStudyUseCase {
    void forgetRoom(RoomId roomId);
}
