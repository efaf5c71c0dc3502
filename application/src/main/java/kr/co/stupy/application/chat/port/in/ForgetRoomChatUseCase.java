package kr.co.stupy.application.chat.port.in;

import kr.co.stupy.shared.RoomId;

/** A room was deleted: its chat goes with it. Idempotent. */
public interface ForgetRoomChatUseCase {
    void forgetRoomChat(RoomId roomId);
}
