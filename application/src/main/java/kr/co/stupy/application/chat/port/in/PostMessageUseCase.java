package kr.co.stupy.application.chat.port.in;

import java.util.Objects;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * A member posts in a room's chat: stored before anyone sees it, idempotent by the client's message
 * id, within the author's chat budget (a {@code RATE_LIMITED} {@link kr.co.stupy.shared.RetryLaterException}
 * beyond it).
 */
public interface PostMessageUseCase {

    /** {@code authorNickname}: the name the caller already knows the author by, so posting costs no user look-up. */
    record PostMessage(RoomId roomId, UserId author, String authorNickname, ClientMessageId clientMsgId, MessageText text) {
        public PostMessage {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(authorNickname, "authorNickname");
            Objects.requireNonNull(clientMsgId, "clientMsgId");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The stored message, and whether this call stored it (false: a resend of one stored before). */
    record Posted(RoomMessage message, boolean created) {
        public Posted {
            Objects.requireNonNull(message, "message");
        }
    }

    Posted post(PostMessage command);
}
