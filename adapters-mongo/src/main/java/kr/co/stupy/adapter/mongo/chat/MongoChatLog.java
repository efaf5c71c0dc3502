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
 * Messages in {@code chat_messages}. A member's message carries its {@code clientKey}
 * (room:author:clientMsgId) under a unique sparse index, so storing it is one insert: the first
 * one wins, and a resend runs into the key and is answered with the message already stored. One
 * durable write per message, and no window in which a claim exists without its message.
 */
public final class MongoChatLog implements ChatLog {

    private final MongoCollection<Document> messages;

    public MongoChatLog(MongoDatabase database) {
        this.messages = database.getCollection("chat_messages");
        messages.createIndex(Indexes.compoundIndex(Indexes.ascending("roomId"), Indexes.descending("_id")),
                new IndexOptions().name("by_room_newest"));
        messages.createIndex(Indexes.ascending("clientKey"), new IndexOptions().name("by_client_key").unique(true).sparse(true));
        // Where an earlier version kept its client-id claims; the unique key above replaces them.
        if (database.listCollectionNames().into(new ArrayList<>()).contains("chat_client_ids")) {
            database.getCollection("chat_client_ids").drop();
        }
    }

    @Override
    public Appended append(ChatMessage message) {
        try {
            messages.insertOne(ChatMessageMapper.toDocument(message));
            return new Appended(message, true);
        } catch (RuntimeException e) {
            Optional<String> key = ChatMessageMapper.clientKeyOf(message);
            if (key.isEmpty() || !MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            Document first = messages.find(eq("clientKey", key.get())).first();
            if (first == null) {
                // The duplicate was the message id itself, not the client key: nothing of this send is stored.
                throw e;
            }
            return new Appended(ChatMessageMapper.toMessage(first), false);
        }
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
        return messages.deleteMany(eq("roomId", roomId.value())).getDeletedCount();
    }
}
