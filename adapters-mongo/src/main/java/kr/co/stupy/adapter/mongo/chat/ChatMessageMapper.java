package kr.co.stupy.adapter.mongo.chat;

import java.util.Date;
import java.util.Optional;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.bson.Document;

/** {@link ChatMessage} to and from its document in {@code chat_messages}. */
final class ChatMessageMapper {

    private ChatMessageMapper() {
    }

    /** A member's message is known by room, author and client id: the unique key that makes a resend find the first one. */
    static Optional<String> clientKeyOf(ChatMessage message) {
        return message.clientMsgId().map(id -> message.roomId().value() + ":" + message.userId().value() + ":" + id.value());
    }

    static Document toDocument(ChatMessage message) {
        Document document = new Document("_id", message.id())
                .append("roomId", message.roomId().value())
                .append("userId", message.userId().value())
                .append("text", message.text().value())
                .append("system", message.system())
                .append("clientMsgId", message.clientMsgId().map(ClientMessageId::value).orElse(null))
                .append("sentAt", Date.from(message.sentAt()));
        // Absent, not null, on notices: the unique index is sparse, so only members' messages are in it.
        clientKeyOf(message).ifPresent(key -> document.append("clientKey", key));
        return document;
    }

    static ChatMessage toMessage(Document doc) {
        return new ChatMessage(doc.getString("_id"), new RoomId(doc.getString("roomId")), new UserId(doc.getString("userId")),
                new MessageText(doc.getString("text")), doc.getBoolean("system", false),
                Optional.ofNullable(doc.getString("clientMsgId")).map(ClientMessageId::new), doc.getDate("sentAt").toInstant());
    }
}
