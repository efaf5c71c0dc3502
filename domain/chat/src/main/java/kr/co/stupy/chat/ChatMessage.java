package kr.co.stupy.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * A line in a room's chat: written by a member, or a system notice about a member (joined, left,
 * was removed). Ids sort by time, which is what history pages by. The author's name is looked up
 * when the message is read, so a deleted account shows as having left.
 */
public record ChatMessage(String id, RoomId roomId, UserId userId, MessageText text, boolean system,
                          Optional<ClientMessageId> clientMsgId, Instant sentAt) {

    public ChatMessage {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
        clientMsgId = clientMsgId == null ? Optional.empty() : clientMsgId;
        if (!Ids.isWellFormed(id)) {
            throw new IllegalArgumentException("not a message id");
        }
        if (system && clientMsgId.isPresent()) {
            throw new IllegalArgumentException("system notices have no client message id");
        }
    }

    public static ChatMessage byMember(RoomId roomId, UserId author, MessageText text, ClientMessageId clientMsgId, Instant now) {
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new ChatMessage(Ids.newId(at), roomId, author, text, false, Optional.of(clientMsgId), at);
    }

    public static ChatMessage notice(RoomId roomId, UserId about, MessageText text, Instant now) {
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new ChatMessage(Ids.newId(at), roomId, about, text, true, Optional.empty(), at);
    }
}
