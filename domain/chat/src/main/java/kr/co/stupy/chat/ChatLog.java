package kr.co.stupy.chat;

import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;

/** Every room's chat, kept before it is delivered. */
public interface ChatLog {

    /** The stored message, and whether this call stored it (false: the same client message was stored before). */
    record Appended(ChatMessage message, boolean created) {
    }

    /**
     * Stores a message. A member's message is idempotent by (room, author, client message id): a
     * resend, even a parallel one, returns the first message and stores nothing new.
     */
    Appended append(ChatMessage message);

    /** Up to {@code limit} messages of the room, newest first, older than {@code beforeId} when given. */
    List<ChatMessage> history(RoomId roomId, Optional<String> beforeId, int limit);

    /** Forgets the chat of a room that was deleted; returns how many messages. */
    long deleteRoom(RoomId roomId);
}
