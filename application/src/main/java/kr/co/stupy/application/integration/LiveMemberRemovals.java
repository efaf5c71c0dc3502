package kr.co.stupy.application.integration;

import kr.co.stupy.application.live.port.in.RoomChangesUseCase;
import kr.co.stupy.application.rooms.port.out.MemberRemovals;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Rooms tell live rooms that a member is gone, so that member's live connection there closes. */
public final class LiveMemberRemovals implements MemberRemovals {

    private final RoomChangesUseCase live;

    public LiveMemberRemovals(RoomChangesUseCase live) {
        this.live = live;
    }

    @Override
    public void memberRemoved(RoomId roomId, UserId userId) {
        live.memberRemoved(roomId, userId);
    }

    @Override
    public void memberLeft(RoomId roomId, UserId userId) {
        live.memberLeft(roomId, userId);
    }
}
