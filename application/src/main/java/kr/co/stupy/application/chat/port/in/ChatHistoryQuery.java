package kr.co.stupy.application.chat.port.in;

import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Members only: the room's chat, newest first, paged by message id (the cursor is the last id seen). */
public interface ChatHistoryQuery {
    Page<RoomMessage> history(UserId asker, RoomId roomId, PageRequest page);
}
