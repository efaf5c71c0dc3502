package kr.co.stupy.application.rooms.service;

import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.rooms.port.in.RoomMembershipUseCase;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.UserId;

/**
 * A deleted account leaves every room the ordinary way, so ownership passes on and a room it was
 * last in is deleted. Running it again after a failure half way simply continues.
 */
public final class RoomAccountCleanup implements AccountCleanup {

    private final Rooms rooms;
    private final RoomQuotas quotas;
    private final RoomMembershipUseCase membership;

    public RoomAccountCleanup(Rooms rooms, RoomQuotas quotas, RoomMembershipUseCase membership) {
        this.rooms = rooms;
        this.quotas = quotas;
        this.membership = membership;
    }

    @Override
    public void accountDeleted(UserId userId) {
        for (Room room : rooms.ofMember(userId)) {
            try {
                membership.leave(userId, room.id());
            } catch (DomainException e) {
                // Left or deleted meanwhile: that is what we wanted.
                if (!e.code().equals("NOT_MEMBER") && !e.code().equals("ROOM_NOT_FOUND")) {
                    throw e;
                }
            }
        }
        quotas.forget(userId);
    }
}
