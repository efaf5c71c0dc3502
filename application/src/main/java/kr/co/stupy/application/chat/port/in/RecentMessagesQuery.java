package kr.co.stupy.application.chat.port.in;

import java.util.List;
import kr.co.stupy.shared.RoomId;

/** The room's latest messages, newest first, for someone already admitted to it (no membership check). */
public interface RecentMessagesQuery {

    /** How many a live connection is shown when it arrives or catches up. */
    int RECENT = 50;

    List<RoomMessage> recentMessages(RoomId roomId);
}
