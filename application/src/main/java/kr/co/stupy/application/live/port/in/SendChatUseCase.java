package kr.co.stupy.application.live.port.in;

import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.chat.MessageText;

/** A live connection posts chat in its room: stored, then sent to everyone live there. */
public interface SendChatUseCase {

    /** Building one validates the text and the client's message id ({@code InvalidInputException}). */
    record SendChat(ConnectionId from, ClientMessageId clientMsgId, MessageText text) {
        public SendChat {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(clientMsgId, "clientMsgId");
            Objects.requireNonNull(text, "text");
        }

        public static SendChat of(ConnectionId from, String clientMsgId, String text) {
            return new SendChat(from, new ClientMessageId(clientMsgId), new MessageText(text));
        }
    }

    Optional<FrameError> chat(SendChat command);
}
