package kr.co.stupy.application.integration;

import kr.co.stupy.application.chat.port.in.ForgetRoomChatUseCase;
import kr.co.stupy.application.live.port.in.RoomChangesUseCase;
import kr.co.stupy.application.rooms.port.out.RoomRemovalCleanup;
import kr.co.stupy.application.studytime.port.in.ForgetRoomStudyUseCase;
import kr.co.stupy.shared.RoomId;

/**
 * A deleted room leaves every context: its live connections close (ending their sessions), then its
 * study records and its chat go. Sessions end before the study records are forgotten, so none is
 * left open in a room that no longer exists.
 */
public final class RoomRemovalAcrossContexts implements RoomRemovalCleanup {

    private final RoomChangesUseCase live;
    private final ForgetRoomStudyUseCase studyTime;
    private final ForgetRoomChatUseCase chat;

    public RoomRemovalAcrossContexts(RoomChangesUseCase live, ForgetRoomStudyUseCase studyTime, ForgetRoomChatUseCase chat) {
        this.live = live;
        this.studyTime = studyTime;
        this.chat = chat;
    }

    @Override
    public void roomRemoved(RoomId roomId) {
        live.roomClosed(roomId);
        studyTime.forgetRoom(roomId);
        chat.forgetRoomChat(roomId);
    }
}
