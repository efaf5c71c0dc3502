package kr.co.stupy.application.live.port.in;

import kr.co.stupy.application.live.LiveMessage;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Members only: the room's chat, newest first, paged by message id (the cursor is the last id seen). */
public interface ChatHistoryQuery {
    Page<LiveMessage> history(UserId asker, RoomId roomId, PageRequest page);
}
