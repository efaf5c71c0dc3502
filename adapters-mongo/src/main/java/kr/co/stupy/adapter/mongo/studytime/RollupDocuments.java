package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.StudyPeriod;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the roll-up collections share: their {@code _id}s, the upsert every increment goes through,
 * and the day-total documents of users and rooms ({@code {_id: "<owner id>/<yyyy-MM-dd>", <owner
 * field>: id, day: "yyyy-MM-dd", seconds: n}}).
 */
final class RollupDocuments {

    private RollupDocuments() {
    }

    /** The {@code _id} of an owner's day, e.g. {@code "<user>/2026-11-30"}. */
    static String dayKey(String ownerId, LocalDate day) {
        return ownerId + "/" + day;
    }

    /** The {@code _id} of a member's list of UTC dates, {@code "<room>/<user>"}. */
    static String memberKey(String roomId, String userId) {
        return roomId + "/" + userId;
    }

    /** The {@code _id} of a member's day, e.g. {@code "<room>/<user>/2026-11-30"}. */
    static String memberKey(String roomId, String userId, LocalDate day) {
        return dayKey(memberKey(roomId, userId), day);
    }

    /** The {@code _id} of a member's week, month or all-time total, e.g. {@code "<room>/<user>/week/2026-11-23"} or {@code ".../all"}. */
    static String memberKey(String roomId, String userId, Optional<PeriodBucket> bucket) {
        return memberKey(roomId, userId) + "/" + bucket.map(RollupDocuments::bucketKey).orElse("all");
    }

    /** The {@code _id} of a bucket document, e.g. {@code "week/2026-11-23"}. */
    static String bucketKey(PeriodBucket bucket) {
        return periodName(bucket) + "/" + bucket.firstDay();
    }

    /** The bucket a {@link #bucketKey} names. */
    static PeriodBucket bucketOfKey(String key) {
        String[] parts = key.split("/", 2);
        return new PeriodBucket(StudyPeriod.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalDate.parse(parts[1]));
    }

    /** A bucket's {@code period} field: {@code "day"}, {@code "week"} or {@code "month"}. */
    static String periodName(PeriodBucket bucket) {
        return bucket.period().name().toLowerCase(Locale.ROOT);
    }

    /** The bucket a document's {@code period} and {@code first} fields name. */
    static PeriodBucket bucketOf(Document doc) {
        return new PeriodBucket(StudyPeriod.valueOf(doc.getString("period").toUpperCase(Locale.ROOT)), LocalDate.parse(doc.getString("first")));
    }

    static long secondsOf(Document doc) {
        return doc.get("seconds", Number.class).longValue();
    }

    static void upsert(MongoCollection<Document> collection, Bson filter, Bson update) {
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

    /**
     * An {@code $inc} upsert that answers the new value of {@code field}, so the caller knows exactly what this
     * increment made of the total (a day's raw sum, which a capped total follows).
     */
    static long incrementAndGet(MongoCollection<Document> collection, Bson filter, Bson update, String field) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(field));
        Document after;
        try {
            after = collection.findOneAndUpdate(filter, update, options);
        } catch (MongoWriteException e) {
            // Two first upserts of one key raced: the loser's insert hit the key, and now the document exists.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            after = collection.findOneAndUpdate(filter, update, options);
        } catch (MongoCommandException e) {
            // findAndModify reports a lost upsert race as a command error (code 11000), not a write error.
            if (e.getErrorCode() != 11000) {
                throw e;
            }
            after = collection.findOneAndUpdate(filter, update, options);
        }
        return after.get(field, Number.class).longValue();
    }

    /** Adds seconds to an owner's day, making its document on first use. */
    static void incrementDay(MongoCollection<Document> collection, String ownerField, String ownerId, LocalDate day, long seconds) {
        upsert(collection, eq("_id", dayKey(ownerId, day)), Updates.combine(Updates.setOnInsert(ownerField, ownerId),
                Updates.setOnInsert("day", day.toString()), Updates.inc("seconds", seconds)));
    }

    /** One day total as stored. */
    static Document dayDocument(String ownerField, String ownerId, LocalDate day, long seconds) {
        return new Document("_id", dayKey(ownerId, day)).append(ownerField, ownerId).append("day", day.toString()).append("seconds", seconds);
    }

    /** Every day total of a collection, keyed by {@code key} of its owner and day. */
    static <K> Map<K, Long> readDays(MongoCollection<Document> collection, String ownerField, BiFunction<String, LocalDate, K> key) {
        Map<K, Long> totals = new HashMap<>();
        collection.find().forEach(doc -> totals.put(key.apply(doc.getString(ownerField), LocalDate.parse(doc.getString("day"))), secondsOf(doc)));
        return totals;
    }

    /** Replaces every day total of a collection; {@code owner} and {@code day} take a key apart. */
    static <K> void replaceDays(MongoCollection<Document> collection, String ownerField, Map<K, Long> totals, Function<K, String> owner,
                                Function<K, LocalDate> day) {
        collection.deleteMany(new Document());
        List<Map.Entry<K, Long>> sorted = new ArrayList<>(totals.entrySet());
        // Ids have one length, so (owner, day) order is the order of "<owner>/<yyyy-MM-dd>".
        sorted.sort(Map.Entry.comparingByKey(Comparator.comparing(owner).thenComparing(day)));
        MongoStudyRollups.insertInOrder(collection, sorted,
                total -> dayDocument(ownerField, owner.apply(total.getKey()), day.apply(total.getKey()), total.getValue()));
    }

    /** Documents in {@code _id} order, as {@link MongoStudyRollups#insertInOrder} wants them. */
    static List<Document> sortedById(Collection<Document> documents) {
        List<Document> sorted = new ArrayList<>(documents);
        sorted.sort(Comparator.comparing(doc -> doc.getString("_id")));
        return sorted;
    }
}
