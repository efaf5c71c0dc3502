package kr.co.stupy.chat.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.shared.RoomId;

/** {@link ChatLog} in memory, for tests. */
public final class InMemoryChatLog implements ChatLog {

    private final Map<String, ChatMessage> messages = new ConcurrentHashMap<>();
    private final Map<String, String> byClientId = new ConcurrentHashMap<>();

    @Override
    public synchronized Appended append(ChatMessage message) {
        if (message.clientMsgId().isPresent()) {
            String key = message.roomId().value() + ":" + message.userId().value() + ":" + message.clientMsgId().get().value();
            String existing = byClientId.putIfAbsent(key, message.id());
            if (existing != null) {
                return new Appended(messages.get(existing), false);
            }
        }
        messages.put(message.id(), message);
        return new Appended(message, true);
    }

    @Override
    public List<ChatMessage> history(RoomId roomId, Optional<String> beforeId, int limit) {
        return messages.values().stream()
                .filter(m -> m.roomId().equals(roomId))
                .filter(m -> beforeId.map(before -> m.id().compareTo(before) < 0).orElse(true))
                .sorted(Comparator.comparing(ChatMessage::id).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long deleteRoom(RoomId roomId) {
        List<ChatMessage> gone = messages.values().stream().filter(m -> m.roomId().equals(roomId)).toList();
        gone.forEach(m -> messages.remove(m.id()));
        byClientId.values().removeIf(id -> gone.stream().anyMatch(m -> m.id().equals(id)));
        return gone.size();
    }
}
