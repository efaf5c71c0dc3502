package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.RoomPeriodTotals;
import org.bson.Document;

/**
 * Rooms' day totals in {@code study_room_days} ({@code _id} {@code "<room id>/<yyyy-MM-dd>"}, grown by
 * {@code $inc} upserts), and what period rankings read, {@code study_room_periods}: one document per
 * day, week or month, {@code _id} {@code "<day|week|month>/<first study day>"}, holding
 * {@code rooms: {<room id>: seconds}}. Finishing a session {@code $inc}s its room in each bucket, so a
 * ranking is one {@code _id} lookup however long the history. A bucket holds one entry of about 45
 * bytes per room that studied in it, so a month bucket reaches MongoDB's 16 MB document limit at
 * roughly 350,000 rooms studied in one month; past that the buckets would need splitting by room
 * (e.g. {@code _id} {@code "<bucket>/<shard>"}).
 */
public final class MongoRoomPeriodTotals implements RoomPeriodTotals {

    private static final String OWNER = "roomId";
    private final MongoCollection<Document> roomDays;
    private final MongoCollection<Document> roomPeriods;

    public MongoRoomPeriodTotals(MongoDatabase database) {
        this.roomDays = database.getCollection("study_room_days");
        this.roomPeriods = database.getCollection("study_room_periods");
        roomDays.createIndex(Indexes.ascending(OWNER), new IndexOptions().name("by_room"));
    }

    /** One day total as stored; public so a bulk loader (the benchmark) writes exactly what {@link #add} would. */
    public static Document dayDocument(String roomId, LocalDate day, long seconds) {
        return RollupDocuments.dayDocument(OWNER, roomId, day, seconds);
    }

    /** Bucket totals as stored, in {@code _id} order: one document per bucket with each room's seconds; for the rebuild and bulk loaders. */
    public static List<Document> bucketDocuments(Map<BucketKey, Long> totals) {
        Map<PeriodBucket, Document> byBucket = new HashMap<>();
        totals.forEach((key, seconds) -> byBucket.computeIfAbsent(key.bucket(), bucket -> new Document("_id", RollupDocuments.bucketKey(bucket))
                        .append("period", RollupDocuments.periodName(bucket)).append("first", bucket.firstDay().toString())
                        .append("rooms", new Document()))
                .get("rooms", Document.class).append(key.roomId(), seconds));
        return RollupDocuments.sortedById(byBucket.values());
    }

    @Override
    public void add(RoomId roomId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> RollupDocuments.incrementDay(roomDays, OWNER, roomId.value(), day, seconds));
        // A session spans at most a few study days, mostly within one week and month: one increment per bucket.
        Map<PeriodBucket, Long> buckets = new LinkedHashMap<>();
        secondsByDay.forEach((day, seconds) -> PeriodBucket.allContaining(day).forEach(b -> buckets.merge(b, seconds, Long::sum)));
        buckets.forEach((bucket, seconds) -> RollupDocuments.upsert(roomPeriods, eq("_id", RollupDocuments.bucketKey(bucket)),
                Updates.combine(Updates.setOnInsert("period", RollupDocuments.periodName(bucket)),
                        Updates.setOnInsert("first", bucket.firstDay().toString()),
                        Updates.inc("rooms." + roomId.value(), seconds))));
    }

    @Override
    public Map<RoomId, Long> onDay(LocalDate day, java.util.Collection<RoomId> rooms) {
        Map<RoomId, Long> totals = new HashMap<>();
        if (rooms.isEmpty()) {
            return totals;
        }
        List<String> ids = rooms.stream().map(room -> RollupDocuments.dayKey(room.value(), day)).toList();
        roomDays.find(com.mongodb.client.model.Filters.in("_id", ids)).forEach(found -> {
            long seconds = ((Number) found.get("seconds")).longValue();
            if (seconds != 0) {
                totals.put(new RoomId(found.getString(OWNER)), seconds);
            }
        });
        return totals;
    }

    @Override
    public Map<RoomId, Long> ofRooms(PeriodBucket bucket) {
        Map<RoomId, Long> totals = new HashMap<>();
        Document found = roomPeriods.find(eq("_id", RollupDocuments.bucketKey(bucket))).first();
        if (found != null) {
            found.get("rooms", Document.class).forEach((roomId, seconds) -> {
                long total = ((Number) seconds).longValue();
                if (total != 0) {
                    totals.put(new RoomId(roomId), total);
                }
            });
        }
        return totals;
    }

    @Override
    public void deleteRoom(RoomId roomId) {
        roomDays.deleteMany(eq(OWNER, roomId.value()));
        // A scan of the bucket documents on the embedded store, but they are few: about 430 per year of history.
        String field = "rooms." + roomId.value();
        roomPeriods.updateMany(exists(field), Updates.unset(field));
    }

    @Override
    public Totals all() {
        Map<BucketKey, Long> buckets = new HashMap<>();
        roomPeriods.find().forEach(doc -> {
            PeriodBucket bucket = RollupDocuments.bucketOf(doc);
            doc.get("rooms", Document.class).forEach((roomId, seconds) ->
                    buckets.put(new BucketKey(bucket, roomId), ((Number) seconds).longValue()));
        });
        return new Totals(RollupDocuments.readDays(roomDays, OWNER, RoomDay::new), buckets);
    }

    @Override
    public void replaceAll(Totals totals) {
        RollupDocuments.replaceDays(roomDays, OWNER, totals.days(), RoomDay::roomId, RoomDay::day);
        roomPeriods.deleteMany(new Document());
        MongoStudyRollups.insertInOrder(roomPeriods, bucketDocuments(totals.buckets()), Function.identity());
    }
}
