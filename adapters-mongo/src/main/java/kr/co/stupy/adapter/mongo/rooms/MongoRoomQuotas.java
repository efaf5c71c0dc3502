package kr.co.stupy.adapter.mongo.rooms;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import kr.co.stupy.adapter.mongo.MongoErrors;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One document per user in {@code room_quotas}:
 * {@code {_id: userId, rooms: {<roomId>: [{id, at}, ...]}, count}}, one array entry per hold and
 * {@code count} the number of distinct rooms. A room's field is removed with its last hold, so a
 * field that exists has at least one entry. Room ids are base32 letters and digits, so they are
 * safe field names. Each step is one conditional update of that document; a step that matched
 * nothing because another request got in between simply looks again.
 *
 * <p>A closed account (being or having been deleted) has {@code closed: true}; both steps that take a
 * hold require it absent, so a close and a hold are ordered by the document, and the document stays
 * behind as the account's tombstone.
 *
 * <p>Documents written before holds had ids and times keep a number of holds per room
 * ({@code <roomId>: n}). They read as n holds of unknown time, and the first change that meets
 * one rewrites those rooms into entries, conditionally on the numbers being unchanged.
 */
public final class MongoRoomQuotas implements RoomQuotas {

    private static final int MAX_ATTEMPTS = 64;
    private static final String CLOSED = "closed";
    /** Matches only an account that is not closed; a missing document is not closed either. */
    private static final Bson OPEN = ne(CLOSED, true);

    private final MongoCollection<Document> quotas;

    public MongoRoomQuotas(MongoDatabase database) {
        this.quotas = database.getCollection("room_quotas");
    }

    @Override
    public Optional<RoomHold> hold(UserId user, RoomId room, Instant at, int limit) {
        RoomHold hold = RoomHold.take(room, at);
        Document entry = entry(hold);
        String id = user.value();
        String field = field(room);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            // Already held (an entry at index 0): one more hold, whatever the count.
            if (quotas.updateOne(and(eq("_id", id), exists(field + ".0"), OPEN), Updates.push(field, entry)).getMatchedCount() == 1) {
                return Optional.of(hold);
            }
            // A new room: only below the limit. The upsert makes the document of a user's first room.
            try {
                var result = quotas.updateOne(and(eq("_id", id), exists(field, false), lt("count", limit), OPEN),
                        Updates.combine(Updates.set(field, List.of(entry)), Updates.inc("count", 1)),
                        new UpdateOptions().upsert(true));
                if (result.getMatchedCount() == 1 || result.getUpsertedId() != null) {
                    return Optional.of(hold);
                }
            } catch (RuntimeException e) {
                // The document exists but did not match: at the limit, or the room was held meanwhile.
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
            Document current = quotas.find(eq("_id", id)).first();
            if (current != null && current.getBoolean(CLOSED, false)) {
                return Optional.empty();
            }
            if (current != null && upgradeLegacy(current)) {
                continue;
            }
            boolean heldNow = current != null && !holdsIn(current, room).isEmpty();
            int count = current == null ? 0 : current.getInteger("count", 0);
            if (!heldNow && count >= limit) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("could not settle the room quota of a user under contention");
    }

    @Override
    public void release(UserId user, RoomHold hold) {
        String field = field(hold.room());
        Bson thisHold = and(eq("_id", user.value()), eq(field + ".id", hold.id()));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            // Other holds on the room stay: take out just this entry.
            if (quotas.updateOne(and(thisHold, exists(field + ".1")), Updates.pull(field, new Document("id", hold.id())))
                    .getMatchedCount() == 1) {
                return;
            }
            // The room's last hold: the room stops counting.
            if (quotas.updateOne(and(thisHold, exists(field + ".1", false)),
                    Updates.combine(Updates.unset(field), Updates.inc("count", -1))).getMatchedCount() == 1) {
                return;
            }
            Document current = quotas.find(eq("_id", user.value())).first();
            if (current == null) {
                return;
            }
            if (upgradeLegacy(current)) {
                continue;
            }
            if (holdsIn(current, hold.room()).stream().noneMatch(h -> h.id().equals(hold.id()))) {
                return; // already gone
            }
        }
        throw new IllegalStateException("could not settle the room quota of a user under contention");
    }

    @Override
    public List<RoomHold> holds(UserId user) {
        Document current = quotas.find(eq("_id", user.value())).first();
        Document rooms = current == null ? null : current.get("rooms", Document.class);
        if (rooms == null) {
            return List.of();
        }
        List<RoomHold> holds = new ArrayList<>();
        rooms.keySet().forEach(room -> holds.addAll(holdsIn(current, new RoomId(room))));
        return List.copyOf(holds);
    }

    @Override
    public void close(UserId user) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                quotas.updateOne(eq("_id", user.value()), Updates.set(CLOSED, true), new UpdateOptions().upsert(true));
                return;
            } catch (RuntimeException e) {
                // A first hold made the document at the same moment: it exists now, so the next try updates it.
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not close the room quota of a user under contention");
    }

    @Override
    public boolean isClosed(UserId user) {
        Document current = quotas.find(eq("_id", user.value())).first();
        return current != null && current.getBoolean(CLOSED, false);
    }

    /**
     * Rewrites the rooms of {@code current} that still count holds as a number into entries of
     * unknown time, if those numbers are still what was read. True if there was anything to rewrite.
     */
    private boolean upgradeLegacy(Document current) {
        Document rooms = current.get("rooms", Document.class);
        if (rooms == null) {
            return false;
        }
        List<Bson> unchanged = new ArrayList<>();
        List<Bson> rewrites = new ArrayList<>();
        for (Map.Entry<String, Object> room : rooms.entrySet()) {
            if (room.getValue() instanceof Number n) {
                String field = "rooms." + room.getKey();
                unchanged.add(eq(field, room.getValue()));
                rewrites.add(Updates.set(field, legacyHolds(new RoomId(room.getKey()), n.intValue()).stream()
                        .map(MongoRoomQuotas::entry).toList()));
            }
        }
        if (rewrites.isEmpty()) {
            return false;
        }
        unchanged.add(eq("_id", current.get("_id")));
        quotas.updateOne(and(unchanged), Updates.combine(rewrites));
        return true;
    }

    private static List<RoomHold> holdsIn(Document doc, RoomId room) {
        Document rooms = doc.get("rooms", Document.class);
        Object value = rooms == null ? null : rooms.get(room.value());
        if (value instanceof Number n) {
            return legacyHolds(room, n.intValue());
        }
        if (value instanceof List<?> entries) {
            return entries.stream().filter(Document.class::isInstance).map(Document.class::cast)
                    .map(e -> new RoomHold(room, e.getString("id"),
                            e.getDate("at") == null ? RoomHold.UNKNOWN_TIME : e.getDate("at").toInstant()))
                    .toList();
        }
        return List.of();
    }

    /** The holds an old document counted as a number, with ids that stay the same on every read. */
    private static List<RoomHold> legacyHolds(RoomId room, int count) {
        return IntStream.range(0, Math.max(count, 0))
                .mapToObj(i -> new RoomHold(room, "legacy-" + room.value() + "-" + i, RoomHold.UNKNOWN_TIME)).toList();
    }

    private static Document entry(RoomHold hold) {
        return new Document("id", hold.id()).append("at", Date.from(hold.takenAt()));
    }

    private static String field(RoomId room) {
        return "rooms." + room.value();
    }
}
