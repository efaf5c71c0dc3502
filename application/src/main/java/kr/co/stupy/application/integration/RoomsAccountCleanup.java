package kr.co.stupy.application.integration;

import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.rooms.port.in.LeaveAllRoomsUseCase;
import kr.co.stupy.shared.UserId;

/** Before an account goes, it leaves its rooms (the rooms it owns close). */
public final class RoomsAccountCleanup implements AccountCleanup {

    private final LeaveAllRoomsUseCase rooms;

    public RoomsAccountCleanup(LeaveAllRoomsUseCase rooms) {
        this.rooms = rooms;
    }

    @Override
    public void accountDeleted(UserId userId) {
        rooms.leaveAllRoomsOf(userId);
    }
}
