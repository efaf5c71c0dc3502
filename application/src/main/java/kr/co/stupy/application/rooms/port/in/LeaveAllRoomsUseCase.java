package kr.co.stupy.application.rooms.port.in;

import kr.co.stupy.shared.UserId;

/**
 * An account is being deleted: it leaves every room it is a member of, and the rooms it owns go
 * with their members told. Idempotent: a deletion that failed half way is simply run again.
 */
public interface LeaveAllRoomsUseCase {
    void leaveAllRoomsOf(UserId userId);
}
