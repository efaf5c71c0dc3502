package kr.co.stupy.application.chat.port.in;

import java.util.Objects;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** The server notes in a room's chat what happened to a member (came, left, was removed). */
public interface PostNoticeUseCase {

    record PostNotice(RoomId roomId, UserId about, MessageText text) {
        public PostNotice {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(about, "about");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The stored notice, named like any message. */
    RoomMessage postNotice(PostNotice command);
}
