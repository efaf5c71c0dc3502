package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.UserPeriodTotals;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Users' day, week and month totals in {@code study_user_periods}, one document per (user, bucket):
 * {@code {_id: "<user id>/<day|week|month>/<first study day>", userId, bucket: "<day|week|month>/<first day>",
 * seconds}}, {@code seconds} holding every day capped at sixteen hours. A day's document also keeps the
 * day's raw sum, {@code raw}, which {@link #add} grows with {@code findOneAndUpdate} to learn how much each
 * increment moved the capped day; the raw days live in the day documents rather than in a collection of
 * their own, so the history costs one document per user per day, week and month.
 * <p>
 * A ranking reads through the index {@code (bucket, seconds desc, userId)}: the top of a bucket is the
 * first entries of its range (user id breaks ties, so the order is the index's and stops at the limit),
 * and "how many users above x seconds" is a count over a range of it (a COUNT_SCAN on MongoDB). Counts
 * use the {@code count} command: the driver runs {@code countDocuments} as an aggregation, which the
 * embedded store answers by reading every document. A user's own totals are found by {@code _id}, and
 * all of them by an {@code _id} range, since the ids begin with the user's id.
 */
public final class MongoUserPeriodTotals implements UserPeriodTotals {

    static final String COLLECTION = "study_user_periods";
    private static final String USER = "userId";
    private static final String BUCKET = "bucket";
    private static final String SECONDS = "seconds";
    private static final String RAW = "raw";

    private final MongoDatabase database;
    private final MongoCollection<Document> periods;

    public MongoUserPeriodTotals(MongoDatabase database) {
        this.database = database;
        this.periods = database.getCollection(COLLECTION);
        periods.createIndex(Indexes.compoundIndex(Indexes.ascending(BUCKET), Indexes.descending(SECONDS), Indexes.ascending(USER)),
                new IndexOptions().name("by_bucket_seconds"));
    }

    /** The {@code _id} of a user's bucket, e.g. {@code "<user>/week/2026-11-30"}: a user's documents sort together. */
    static String key(String userId, PeriodBucket bucket) {
        return userId + "/" + RollupDocuments.bucketKey(bucket);
    }

    /**
     * Every total as stored, one document per (user, bucket) in {@code _id} order; public so the rebuild
     * and a bulk loader (the benchmark) write exactly what {@link #add} would have left.
     */
    public static List<Document> documents(Totals totals) {
        Map<String, Document> byId = new HashMap<>();
        totals.buckets().forEach((key, seconds) -> document(byId, key.userId(), key.bucket()).append(SECONDS, seconds));
        totals.days().forEach((key, raw) -> document(byId, key.userId(), PeriodBucket.containing(StudyPeriod.DAY, key.day())).append(RAW, raw));
        return RollupDocuments.sortedById(byId.values());
    }

    private static Document document(Map<String, Document> byId, String userId, PeriodBucket bucket) {
        return byId.computeIfAbsent(key(userId, bucket), id -> new Document("_id", id).append(USER, userId)
                .append(BUCKET, RollupDocuments.bucketKey(bucket)).append(SECONDS, 0L));
    }

    @Override
    public void add(UserId user, SortedMap<LocalDate, Long> secondsByDay) {
        String userId = user.value();
        Map<PeriodBucket, Long> changes = new LinkedHashMap<>();
        secondsByDay.forEach((day, seconds) -> {
            PeriodBucket dayBucket = PeriodBucket.containing(StudyPeriod.DAY, day);
            long after = RollupDocuments.incrementAndGet(periods, eq("_id", key(userId, dayBucket)), Updates.combine(Updates.setOnInsert(USER, userId),
                    Updates.setOnInsert(BUCKET, RollupDocuments.bucketKey(dayBucket)), Updates.setOnInsert(SECONDS, 0L),
                    Updates.inc(RAW, seconds)), RAW);
            long change = MemberTotals.cappedChange(after, seconds);
            if (change != 0) {
                PeriodBucket.allContaining(day).forEach(bucket -> changes.merge(bucket, change, Long::sum));
            }
        });
        // A session spans at most a few study days, mostly within one week and month: one increment per bucket.
        changes.forEach((bucket, seconds) -> {
            if (seconds != 0) {
                RollupDocuments.upsert(periods, eq("_id", key(userId, bucket)), Updates.combine(Updates.setOnInsert(USER, userId),
                        Updates.setOnInsert(BUCKET, RollupDocuments.bucketKey(bucket)), Updates.inc(SECONDS, seconds)));
            }
        });
    }

    @Override
    public List<UserSeconds> top(PeriodBucket bucket, int limit) {
        List<UserSeconds> top = new ArrayList<>();
        if (limit <= 0) {
            return top;
        }
        periods.find(and(eq(BUCKET, RollupDocuments.bucketKey(bucket)), gt(SECONDS, 0L)))
                .sort(Sorts.orderBy(Sorts.descending(SECONDS), Sorts.ascending(USER))).limit(limit)
                .projection(Projections.include(USER, SECONDS))
                .forEach(doc -> top.add(new UserSeconds(new UserId(doc.getString(USER)), RollupDocuments.secondsOf(doc))));
        return top;
    }

    @Override
    public long countAbove(PeriodBucket bucket, long seconds) {
        // Never below zero: a user whose time was all taken back keeps a document at 0 and is nobody in the ranking.
        Bson range = and(eq(BUCKET, RollupDocuments.bucketKey(bucket)), gt(SECONDS, Math.max(seconds, 0L)));
        Document reply = database.runCommand(new Document("count", COLLECTION).append("query", range));
        return reply.get("n", Number.class).longValue();
    }

    @Override
    public Map<UserId, Long> ofUsers(PeriodBucket bucket, Collection<UserId> users) {
        Map<UserId, Long> found = new HashMap<>();
        List<String> keys = users.stream().map(user -> key(user.value(), bucket)).distinct().toList();
        for (List<String> batch : batches(keys)) {
            periods.find(in("_id", batch)).projection(Projections.include(USER, SECONDS)).forEach(doc -> {
                long seconds = RollupDocuments.secondsOf(doc);
                if (seconds != 0) {
                    found.put(new UserId(doc.getString(USER)), seconds);
                }
            });
        }
        return found;
    }

    @Override
    public Map<UserId, SortedMap<LocalDate, Long>> ofUserDays(Collection<UserId> users, Collection<LocalDate> days) {
        List<String> keys = new ArrayList<>();
        for (UserId user : users) {
            days.forEach(day -> keys.add(key(user.value(), PeriodBucket.containing(StudyPeriod.DAY, day))));
        }
        Map<UserId, SortedMap<LocalDate, Long>> found = new HashMap<>();
        for (List<String> batch : batches(keys.stream().distinct().toList())) {
            periods.find(in("_id", batch)).projection(Projections.include(USER, BUCKET, RAW)).forEach(doc -> {
                long raw = doc.get(RAW) instanceof Number n ? n.longValue() : 0;
                if (raw != 0) {
                    found.computeIfAbsent(new UserId(doc.getString(USER)), u -> new TreeMap<>()).put(RollupDocuments.bucketOfKey(doc.getString(BUCKET)).firstDay(), raw);
                }
            });
        }
        return found;
    }

    @Override
    public Totals all() {
        Map<UserDay, Long> days = new HashMap<>();
        Map<BucketKey, Long> buckets = new HashMap<>();
        periods.find().forEach(doc -> {
            PeriodBucket bucket = RollupDocuments.bucketOfKey(doc.getString(BUCKET));
            String userId = doc.getString(USER);
            buckets.put(new BucketKey(bucket, userId), RollupDocuments.secondsOf(doc));
            if (doc.get(RAW) instanceof Number raw) {
                days.put(new UserDay(userId, bucket.firstDay()), raw.longValue());
            }
        });
        return new Totals(days, buckets);
    }

    @Override
    public void replaceAll(Totals totals) {
        periods.deleteMany(new Document());
        MongoStudyRollups.insertInOrder(periods, documents(totals), Function.identity());
    }

    /** Keys in slices of {@link MongoStudyRollups#BATCH}, so thousands of live users make a few reads, each of a bounded size. */
    private static List<List<String>> batches(List<String> keys) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MongoStudyRollups.BATCH) {
            batches.add(keys.subList(from, Math.min(keys.size(), from + MongoStudyRollups.BATCH)));
        }
        return batches;
    }
}
