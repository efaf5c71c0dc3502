package kr.co.stupy.adapter.mongo.chat;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.MongoErrors;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.shared.RoomId;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Messages in {@code chat_messages}; a member's message first claims its client id in
 * {@code chat_client_ids} (whose {@code _id} is room:author:clientMsgId), so a resend finds the
 * first message instead of storing another. The message is written after the claim with its own
 * id as {@code _id}, so a writer that died in between is completed by the resend.
 */
public final class MongoChatLog implements ChatLog {

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> clientIds;

    public MongoChatLog(MongoDatabase database) {
        this.messages = database.getCollection("chat_messages");
        this.clientIds = database.getCollection("chat_client_ids");
        messages.createIndex(Indexes.compoundIndex(Indexes.ascending("roomId"), Indexes.descending("_id")),
                new IndexOptions().name("by_room_newest"));
        clientIds.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
    }

    @Override
    public Appended append(ChatMessage message) {
        if (message.clientMsgId().isEmpty()) {
            messages.insertOne(ChatMessageMapper.toDocument(message));
            return new Appended(message, true);
        }
        String key = message.roomId().value() + ":" + message.userId().value() + ":" + message.clientMsgId().get().value();
        try {
            clientIds.insertOne(new Document("_id", key).append("roomId", message.roomId().value()).append("messageId", message.id()));
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return new Appended(firstMessageFor(key, message), false);
        }
        if (!insertIfAbsent(message)) {
            // A resend saw the claim before this insert and completed the message itself; the
            // claim is still this call's, so it is the one that reports the message as new.
            return new Appended(ChatMessageMapper.toMessage(messages.find(eq("_id", message.id())).first()), true);
        }
        return new Appended(message, true);
    }

    @Override
    public List<ChatMessage> history(RoomId roomId, Optional<String> beforeId, int limit) {
        Bson filter = beforeId.map(before -> and(eq("roomId", roomId.value()), lt("_id", before)))
                .orElse(eq("roomId", roomId.value()));
        List<ChatMessage> page = new ArrayList<>();
        messages.find(filter).sort(Sorts.descending("_id")).limit(limit).forEach(doc -> page.add(ChatMessageMapper.toMessage(doc)));
        return page;
    }

    @Override
    public long deleteRoom(RoomId roomId) {
        clientIds.deleteMany(eq("roomId", roomId.value()));
        return messages.deleteMany(eq("roomId", roomId.value())).getDeletedCount();
    }

    /** The message that won the claim; if its writer died before storing it, this resend stores it under the claimed id. */
    private ChatMessage firstMessageFor(String key, ChatMessage resend) {
        String messageId = clientIds.find(eq("_id", key)).first().getString("messageId");
        Document stored = messages.find(eq("_id", messageId)).first();
        if (stored != null) {
            return ChatMessageMapper.toMessage(stored);
        }
        ChatMessage completed = new ChatMessage(messageId, resend.roomId(), resend.userId(), resend.text(), false,
                resend.clientMsgId(), resend.sentAt());
        insertIfAbsent(completed);
        return ChatMessageMapper.toMessage(messages.find(eq("_id", messageId)).first());
    }

    /** False when a message with this id is already stored, by the claimant or another resend. */
    private boolean insertIfAbsent(ChatMessage message) {
        try {
            messages.insertOne(ChatMessageMapper.toDocument(message));
            return true;
        } catch (RuntimeException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return false;
        }
    }
}
