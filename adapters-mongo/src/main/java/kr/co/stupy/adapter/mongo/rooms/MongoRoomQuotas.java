package kr.co.stupy.adapter.mongo.rooms;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.co.stupy.adapter.mongo.MongoErrors;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.bson.Document;

/**
 * One document per user in {@code room_quotas}: {@code {_id: userId, rooms: {<roomId>: holds}, count}},
 * where {@code count} is the number of distinct rooms. Room ids are base32 letters and digits, so
 * they are safe field names. Each step is one conditional update of that document; a step that
 * matched nothing because another request got in between simply looks again.
 */
public final class MongoRoomQuotas implements RoomQuotas {

    private static final int MAX_ATTEMPTS = 64;

    private final MongoCollection<Document> quotas;

    public MongoRoomQuotas(MongoDatabase database) {
        this.quotas = database.getCollection("room_quotas");
    }

    @Override
    public boolean hold(UserId user, RoomId room, int limit) {
        String id = user.value();
        String field = "rooms." + room.value();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            // Already held: one more hold, whatever the count.
            if (quotas.updateOne(and(eq("_id", id), gt(field, 0)), Updates.inc(field, 1)).getMatchedCount() == 1) {
                return true;
            }
            // A new room: only below the limit. The upsert makes the document of a user's first room.
            try {
                var result = quotas.updateOne(and(eq("_id", id), exists(field, false), lt("count", limit)),
                        Updates.combine(Updates.set(field, 1), Updates.inc("count", 1)), new UpdateOptions().upsert(true));
                if (result.getMatchedCount() == 1 || result.getUpsertedId() != null) {
                    return true;
                }
            } catch (RuntimeException e) {
                // The document exists but did not match: at the limit, or the room was held meanwhile.
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
            Optional<Document> current = Optional.ofNullable(quotas.find(eq("_id", id)).first());
            boolean heldNow = current.map(doc -> holds(doc, room) > 0).orElse(false);
            int count = current.map(doc -> doc.getInteger("count", 0)).orElse(0);
            if (!heldNow && count >= limit) {
                return false;
            }
        }
        throw new IllegalStateException("could not settle the room quota of a user under contention");
    }

    @Override
    public void release(UserId user, RoomId room) {
        String id = user.value();
        String field = "rooms." + room.value();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (quotas.updateOne(and(eq("_id", id), gt(field, 1)), Updates.inc(field, -1)).getMatchedCount() == 1) {
                return;
            }
            if (quotas.updateOne(and(eq("_id", id), eq(field, 1)),
                    Updates.combine(Updates.unset(field), Updates.inc("count", -1))).getMatchedCount() == 1) {
                return;
            }
            Document current = quotas.find(eq("_id", id)).first();
            if (current == null || holds(current, room) == 0) {
                return;
            }
        }
        throw new IllegalStateException("could not settle the room quota of a user under contention");
    }

    @Override
    public Set<RoomId> held(UserId user) {
        Document current = quotas.find(eq("_id", user.value())).first();
        if (current == null) {
            return Set.of();
        }
        Document rooms = current.get("rooms", Document.class);
        return rooms == null ? Set.of() : rooms.keySet().stream().map(RoomId::new).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void forget(UserId user) {
        quotas.deleteOne(eq("_id", user.value()));
    }

    private static int holds(Document doc, RoomId room) {
        Document rooms = doc.get("rooms", Document.class);
        Object value = rooms == null ? null : rooms.get(room.value());
        return value instanceof Number n ? n.intValue() : 0;
    }
}
