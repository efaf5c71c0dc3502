package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyRollups;
import org.bson.Document;

/**
 * Per-day totals in {@code study_user_days} and {@code study_room_days}: one document per key, its
 * {@code _id} being {@code "<owner id>/<yyyy-MM-dd>"}, grown by {@code $inc} upserts. A user's range is
 * read by {@code _id $in [each day]}, which even the embedded store answers from its primary key
 * index (it ignores secondary indexes); a ranking reads a day range through {@code day_room}.
 */
public final class MongoStudyRollups implements StudyRollups {

    private static final int BATCH = 5_000;
    private final MongoCollection<Document> userDays;
    private final MongoCollection<Document> roomDays;

    public MongoStudyRollups(MongoDatabase database) {
        this.userDays = database.getCollection("study_user_days");
        this.roomDays = database.getCollection("study_room_days");
        roomDays.createIndex(Indexes.ascending("day", "roomId"), new IndexOptions().name("day_room"));
        roomDays.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
    }

    static String key(String ownerId, LocalDate day) {
        return ownerId + "/" + day;
    }

    @Override
    public void add(UserId userId, RoomId roomId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> {
            increment(userDays, "userId", userId.value(), day, seconds);
            increment(roomDays, "roomId", roomId.value(), day, seconds);
        });
    }

    private static void increment(MongoCollection<Document> collection, String ownerField, String ownerId, LocalDate day, long seconds) {
        var filter = eq("_id", key(ownerId, day));
        var update = Updates.combine(Updates.setOnInsert(ownerField, ownerId), Updates.setOnInsert("day", day.toString()),
                Updates.inc("seconds", seconds));
        try {
            collection.updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // Two first upserts of one key raced: the loser's insert hit the key, and now the document exists.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            collection.updateOne(filter, update, new UpdateOptions().upsert(true));
        }
    }

    @Override
    public SortedMap<LocalDate, Long> ofUser(UserId userId, LocalDate first, LocalDate last) {
        List<String> keys = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            keys.add(key(userId.value(), day));
        }
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        userDays.find(in("_id", keys)).forEach(doc -> {
            long seconds = doc.get("seconds", Number.class).longValue();
            if (seconds != 0) {
                days.put(LocalDate.parse(doc.getString("day")), seconds);
            }
        });
        return days;
    }

    @Override
    public Map<RoomId, Long> ofRooms(LocalDate first, LocalDate last) {
        Map<RoomId, Long> totals = new HashMap<>();
        roomDays.aggregate(List.of(
                        Aggregates.match(and(gte("day", first.toString()), lte("day", last.toString()))),
                        Aggregates.group("$roomId", Accumulators.sum("seconds", "$seconds"))))
                .forEach(doc -> {
                    long seconds = doc.get("seconds", Number.class).longValue();
                    if (seconds != 0) {
                        totals.put(new RoomId(doc.getString("_id")), seconds);
                    }
                });
        return totals;
    }

    @Override
    public void deleteRoom(RoomId roomId) {
        roomDays.deleteMany(eq("roomId", roomId.value()));
    }

    @Override
    public Totals all() {
        return new Totals(read(userDays, "userId"), read(roomDays, "roomId"));
    }

    private static Map<DayKey, Long> read(MongoCollection<Document> collection, String ownerField) {
        Map<DayKey, Long> totals = new HashMap<>();
        collection.find().forEach(doc -> totals.put(new DayKey(doc.getString(ownerField), LocalDate.parse(doc.getString("day"))),
                doc.get("seconds", Number.class).longValue()));
        return totals;
    }

    @Override
    public void replaceAll(Totals totals) {
        write(userDays, "userId", totals.users());
        write(roomDays, "roomId", totals.rooms());
    }

    private static void write(MongoCollection<Document> collection, String ownerField, Map<DayKey, Long> totals) {
        collection.deleteMany(new Document());
        List<Document> batch = new ArrayList<>(BATCH);
        for (Map.Entry<DayKey, Long> total : totals.entrySet()) {
            DayKey key = total.getKey();
            batch.add(document(ownerField, key.ownerId(), key.day(), total.getValue()));
            if (batch.size() == BATCH) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    /** One total as stored; public so a bulk loader (the benchmark) writes exactly what {@link #add} would. */
    public static Document document(String ownerField, String ownerId, LocalDate day, long seconds) {
        return new Document("_id", key(ownerId, day)).append(ownerField, ownerId).append("day", day.toString()).append("seconds", seconds);
    }
}
