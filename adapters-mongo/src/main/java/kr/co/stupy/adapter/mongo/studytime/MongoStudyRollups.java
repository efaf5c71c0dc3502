package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Per-day totals in {@code study_user_days} and {@code study_room_days}: one document per key, its
 * {@code _id} being {@code "<owner id>/<yyyy-MM-dd>"}, grown by {@code $inc} upserts. A user's range is
 * read by {@code _id $in [each day]}, which even the embedded store answers from its primary key
 * index (it ignores secondary indexes, so any other filter scans the whole collection).
 * <p>
 * Period rankings read {@code study_room_periods}: one document per day, week or month, {@code _id}
 * {@code "<day|week|month>/<first study day>"}, holding {@code rooms: {<room id>: seconds}}. Finishing
 * a session {@code $inc}s its room in each bucket, so a ranking is one {@code _id} lookup however long
 * the history. A bucket holds one entry of about 45 bytes per room that studied in it, so a month
 * bucket reaches MongoDB's 16 MB document limit at roughly 350,000 rooms studied in one month; past
 * that the buckets would need splitting by room (e.g. {@code _id} {@code "<bucket>/<shard>"}).
 * <p>
 * Room leaderboards read {@code study_member_days} ({@code _id} {@code "<room id>/<user id>/<yyyy-MM-dd>"},
 * raw seconds) and {@code study_member_periods} ({@code _id} {@code "<room id>/<user id>/week/<first day>"},
 * {@code ".../month/<first day>"} or {@code ".../all"}, seconds with each day capped at sixteen hours),
 * so a board of at most ten members is one {@code _id $in} per collection. A member's day is grown with
 * {@code findOneAndUpdate}, whose answer (the day's new sum) says how much the capped day moved.
 * <p>
 * Statistics in other zones read {@code study_user_quarters}: one document per user and UTC date,
 * {@code _id} {@code "<user id>/<yyyy-MM-dd>"}, holding {@code s: {"<quarter 0-95>": seconds}} and
 * {@code c: {"<first quarter>_<quarters to the last>": seconds}} (see {@link QuarterHours}), grown by
 * {@code $inc} upserts, read by {@code _id $in} over the UTC dates a range of study days covers.
 * <p>
 * Room leaderboards in other zones read {@code study_member_quarters}: the same documents per room
 * member, {@code _id} {@code "<room id>/<user id>/<yyyy-MM-dd>"}. An all-time board cannot name its
 * dates beforehand, and the embedded store answers nothing but {@code _id} lookups without a scan, so
 * {@code study_member_quarter_dates} keeps one document per member ({@code _id} {@code "<room id>/<user id>"})
 * listing the UTC dates it has ({@code dates}, grown by {@code $addToSet}, about 6 KB per year of daily
 * study): two {@code _id $in} reads however long the room's history, the second only for documents that
 * exist (a week's or a month's board reads the lists too). A date is listed before its
 * quarters are added, so a crash in between leaves a listed date without quarters (read as nothing),
 * never quarters no board finds; {@link #allMemberQuarters} reads only listed dates, so a rebuild sees
 * and repairs what a board would miss.
 */
public final class MongoStudyRollups implements StudyRollups {

    private static final int BATCH = 5_000;
    private final MongoCollection<Document> userDays;
    private final MongoCollection<Document> roomDays;
    private final MongoCollection<Document> roomPeriods;
    private final MongoCollection<Document> memberDays;
    private final MongoCollection<Document> memberPeriods;
    private final MongoCollection<Document> userQuarters;
    private final MongoCollection<Document> memberQuarters;
    private final MongoCollection<Document> memberQuarterDates;

    public MongoStudyRollups(MongoDatabase database) {
        this.userDays = database.getCollection("study_user_days");
        this.roomDays = database.getCollection("study_room_days");
        this.roomPeriods = database.getCollection("study_room_periods");
        this.memberDays = database.getCollection("study_member_days");
        this.memberPeriods = database.getCollection("study_member_periods");
        this.userQuarters = database.getCollection("study_user_quarters");
        this.memberQuarters = database.getCollection("study_member_quarters");
        this.memberQuarterDates = database.getCollection("study_member_quarter_dates");
        roomDays.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
        // Only a room's deletion looks members' totals up by room; the embedded store scans for it, real MongoDB uses these.
        memberDays.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
        memberPeriods.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
        memberQuarters.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
        memberQuarterDates.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
    }

    /** The {@code _id} of a member's list of UTC dates, {@code "<room>/<user>"}. */
    static String memberKey(String roomId, String userId) {
        return roomId + "/" + userId;
    }

    /** The {@code _id} of a member's day, e.g. {@code "<room>/<user>/2026-11-30"}. */
    static String memberKey(String roomId, String userId, LocalDate day) {
        return roomId + "/" + userId + "/" + day;
    }

    /** The {@code _id} of a member's week, month or all-time total, e.g. {@code "<room>/<user>/week/2026-11-23"} or {@code ".../all"}. */
    static String memberKey(String roomId, String userId, Optional<PeriodBucket> bucket) {
        return roomId + "/" + userId + "/" + bucket.map(MongoStudyRollups::key).orElse("all");
    }

    static String key(String ownerId, LocalDate day) {
        return ownerId + "/" + day;
    }

    /** The {@code _id} of a bucket document, e.g. {@code "week/2026-11-23"}. */
    static String key(PeriodBucket bucket) {
        return bucket.period().name().toLowerCase(Locale.ROOT) + "/" + bucket.firstDay();
    }

    @Override
    public void add(UserId userId, RoomId roomId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> {
            increment(userDays, "userId", userId.value(), day, seconds);
            increment(roomDays, "roomId", roomId.value(), day, seconds);
        });
        // A session spans at most a few study days, mostly within one week and month: one increment per bucket.
        Map<PeriodBucket, Long> buckets = new java.util.LinkedHashMap<>();
        secondsByDay.forEach((day, seconds) -> PeriodBucket.allContaining(day).forEach(b -> buckets.merge(b, seconds, Long::sum)));
        buckets.forEach((bucket, seconds) -> upsert(roomPeriods, eq("_id", key(bucket)), Updates.combine(
                Updates.setOnInsert("period", bucket.period().name().toLowerCase(Locale.ROOT)),
                Updates.setOnInsert("first", bucket.firstDay().toString()),
                Updates.inc("rooms." + roomId.value(), seconds))));
        addToMember(userId.value(), roomId.value(), secondsByDay);
    }

    private void addToMember(String userId, String roomId, SortedMap<LocalDate, Long> secondsByDay) {
        Map<Optional<PeriodBucket>, Long> periods = new java.util.LinkedHashMap<>();
        secondsByDay.forEach((day, seconds) -> {
            long after = incrementAndGet(memberDays, eq("_id", memberKey(roomId, userId, day)), Updates.combine(
                    Updates.setOnInsert("roomId", roomId), Updates.setOnInsert("userId", userId),
                    Updates.setOnInsert("day", day.toString()), Updates.inc("seconds", seconds)));
            long change = StudyRollups.cappedChange(after, seconds);
            if (change != 0) {
                StudyRollups.memberBucketsContaining(day).forEach(bucket -> periods.merge(bucket, change, Long::sum));
            }
        });
        periods.forEach((bucket, seconds) -> {
            if (seconds != 0) {
                upsert(memberPeriods, eq("_id", memberKey(roomId, userId, bucket)), Updates.combine(
                        Updates.setOnInsert("roomId", roomId), Updates.setOnInsert("userId", userId),
                        Updates.setOnInsert("period", bucket.map(b -> b.period().name().toLowerCase(Locale.ROOT)).orElse("all")),
                        Updates.setOnInsert("first", bucket.map(b -> b.firstDay().toString()).orElse(null)),
                        Updates.inc("seconds", seconds)));
            }
        });
    }

    /** An {@code $inc} upsert that answers the new value, so the caller knows exactly what this increment made of the day. */
    private static long incrementAndGet(MongoCollection<Document> collection, Bson filter, Bson update) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        Document after;
        try {
            after = collection.findOneAndUpdate(filter, update, options);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            after = collection.findOneAndUpdate(filter, update, options);
        } catch (com.mongodb.MongoCommandException e) {
            // findAndModify reports a lost upsert race as a command error (code 11000), not a write error.
            if (e.getErrorCode() != 11000) {
                throw e;
            }
            after = collection.findOneAndUpdate(filter, update, options);
        }
        return after.get("seconds", Number.class).longValue();
    }

    @Override
    public Map<UserId, SortedMap<LocalDate, Long>> ofMemberDays(RoomId roomId, Collection<UserId> members, Collection<LocalDate> days) {
        List<String> keys = new ArrayList<>();
        for (UserId member : members) {
            days.forEach(day -> keys.add(memberKey(roomId.value(), member.value(), day)));
        }
        Map<UserId, SortedMap<LocalDate, Long>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        memberDays.find(in("_id", keys)).forEach(doc -> {
            long seconds = doc.get("seconds", Number.class).longValue();
            if (seconds != 0) {
                found.computeIfAbsent(new UserId(doc.getString("userId")), m -> new TreeMap<>()).put(LocalDate.parse(doc.getString("day")), seconds);
            }
        });
        return found;
    }

    @Override
    public Map<UserId, Long> ofMembers(RoomId roomId, Collection<UserId> members, Optional<PeriodBucket> bucket) {
        new MemberPeriodKey(roomId.value(), "check", bucket);   // refuses a day bucket, as every implementation does
        List<String> keys = members.stream().map(member -> memberKey(roomId.value(), member.value(), bucket)).toList();
        Map<UserId, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        memberPeriods.find(in("_id", keys)).forEach(doc -> {
            long seconds = doc.get("seconds", Number.class).longValue();
            if (seconds != 0) {
                found.put(new UserId(doc.getString("userId")), seconds);
            }
        });
        return found;
    }

    private static void increment(MongoCollection<Document> collection, String ownerField, String ownerId, LocalDate day, long seconds) {
        upsert(collection, eq("_id", key(ownerId, day)), Updates.combine(Updates.setOnInsert(ownerField, ownerId),
                Updates.setOnInsert("day", day.toString()), Updates.inc("seconds", seconds)));
    }

    private static void upsert(MongoCollection<Document> collection, Bson filter, Bson update) {
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
    public void addQuarters(UserId userId, RoomId roomId, QuarterHours quarters) {
        Map<LocalDate, List<Bson>> byDate = new TreeMap<>();
        quarters.seconds().forEach((quarter, seconds) -> byDate.computeIfAbsent(QuarterHours.utcDateOf(quarter), d -> new ArrayList<>())
                .add(Updates.inc("s." + slot(quarter), seconds)));
        quarters.corrections().forEach((span, seconds) -> byDate.computeIfAbsent(QuarterHours.utcDateOf(span.first()), d -> new ArrayList<>())
                .add(Updates.inc("c." + correctionKey(span), seconds)));
        if (byDate.isEmpty()) {
            return;
        }
        String user = userId.value();
        String room = roomId.value();
        // Listed first: a crash before the quarters leaves a date that reads as nothing, not quarters an all-time board misses.
        upsert(memberQuarterDates, eq("_id", memberKey(room, user)), Updates.combine(Updates.setOnInsert("roomId", room),
                Updates.setOnInsert("userId", user), Updates.addEachToSet("dates", byDate.keySet().stream().map(LocalDate::toString).toList())));
        byDate.forEach((date, increments) -> {
            upsert(userQuarters, eq("_id", key(user, date)), quarterUpdate(increments, date, Updates.setOnInsert("userId", user)));
            upsert(memberQuarters, eq("_id", memberKey(room, user, date)),
                    quarterUpdate(increments, date, Updates.setOnInsert("roomId", room), Updates.setOnInsert("userId", user)));
        });
    }

    /** One date's increments, with its owner's fields and the date set when the document is new. */
    private static Bson quarterUpdate(List<Bson> increments, LocalDate date, Bson... owner) {
        List<Bson> update = new ArrayList<>(increments);
        update.addAll(List.of(owner));
        update.add(Updates.setOnInsert("day", date.toString()));
        return Updates.combine(update);
    }

    /** A quarter's number in its UTC date, 0 to 95. */
    private static int slot(Instant quarter) {
        return (int) (Math.floorMod(quarter.getEpochSecond(), 86_400L) / QuarterHours.QUARTER_SECONDS);
    }

    private static String correctionKey(QuarterHours.Span span) {
        return slot(span.first()) + "_" + (span.last().getEpochSecond() - span.first().getEpochSecond()) / QuarterHours.QUARTER_SECONDS;
    }

    @Override
    public QuarterHours quartersOfUser(UserId userId, LocalDate firstUtcDate, LocalDate lastUtcDate) {
        List<String> keys = new ArrayList<>();
        for (LocalDate date = firstUtcDate; !date.isAfter(lastUtcDate); date = date.plusDays(1)) {
            keys.add(key(userId.value(), date));
        }
        return readQuarters(userQuarters, keys, doc -> userId).getOrDefault(userId, QuarterHours.NONE);
    }

    @Override
    public Map<UserId, QuarterHours> quartersOfMembers(RoomId roomId, Collection<UserId> members, LocalDate firstUtcDate,
                                                       LocalDate lastUtcDate) {
        // ISO dates order as text, so the listed dates are picked without parsing them.
        String first = firstUtcDate.toString();
        String last = lastUtcDate.toString();
        return readQuarters(memberQuarters, listedKeys(roomId, members, date -> date.compareTo(first) >= 0 && date.compareTo(last) <= 0),
                doc -> new UserId(doc.getString("userId")));
    }

    @Override
    public Map<UserId, QuarterHours> allQuartersOfMembers(RoomId roomId, Collection<UserId> members) {
        return readQuarters(memberQuarters, listedKeys(roomId, members, date -> true), doc -> new UserId(doc.getString("userId")));
    }

    /**
     * The {@code _id}s of the members' quarter documents on listed dates that {@code wanted} keeps. Even a
     * month's board reads the lists first: looking up ten members × 32 dates by {@code _id}, most of them
     * absent, cost the embedded store more than one read of ten lists and then only the documents that exist.
     */
    private List<String> listedKeys(RoomId roomId, Collection<UserId> members, Predicate<String> wanted) {
        List<String> lists = members.stream().map(member -> memberKey(roomId.value(), member.value())).toList();
        List<String> keys = new ArrayList<>();
        if (!lists.isEmpty()) {
            memberQuarterDates.find(in("_id", lists)).forEach(doc -> doc.getList("dates", String.class).forEach(date -> {
                if (wanted.test(date)) {
                    keys.add(doc.getString("_id") + "/" + date);
                }
            }));
        }
        return keys;
    }

    /** The quarter-hour documents with these {@code _id}s, summed per owner; read in batches, as years of a member's dates can be thousands. */
    private static <K> Map<K, QuarterHours> readQuarters(MongoCollection<Document> collection, List<String> keys, Function<Document, K> owner) {
        QuarterHours.Sums<K> sums = new QuarterHours.Sums<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            collection.find(in("_id", keys.subList(from, Math.min(keys.size(), from + BATCH))))
                    .forEach(doc -> sums.add(owner.apply(doc), quartersOf(doc)));
        }
        return sums.totals();
    }

    /** One date's document as quarter hours. */
    private static QuarterHours quartersOf(Document doc) {
        Instant midnight = LocalDate.parse(doc.getString("day")).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Instant, Long> seconds = new HashMap<>();
        Document s = doc.get("s", Document.class);
        if (s != null) {
            s.forEach((slot, value) -> seconds.put(midnight.plusSeconds(Integer.parseInt(slot) * QuarterHours.QUARTER_SECONDS),
                    ((Number) value).longValue()));
        }
        Map<QuarterHours.Span, Long> corrections = new HashMap<>();
        Document c = doc.get("c", Document.class);
        if (c != null) {
            c.forEach((key, value) -> {
                String[] parts = key.split("_");
                Instant first = midnight.plusSeconds(Integer.parseInt(parts[0]) * QuarterHours.QUARTER_SECONDS);
                corrections.put(new QuarterHours.Span(first, first.plusSeconds(Long.parseLong(parts[1]) * QuarterHours.QUARTER_SECONDS)),
                        ((Number) value).longValue());
            });
        }
        return new QuarterHours(seconds, corrections);
    }

    @Override
    public Map<String, QuarterHours> allQuarters() {
        QuarterHours.Sums<String> sums = new QuarterHours.Sums<>();
        userQuarters.find().forEach(doc -> sums.add(doc.getString("userId"), quartersOf(doc)));
        return sums.totals();
    }

    @Override
    public void replaceAllQuarters(Map<String, QuarterHours> byUser) {
        userQuarters.deleteMany(new Document());
        insertInOrder(userQuarters, quarterDocuments(byUser), Function.identity());
    }

    @Override
    public Map<MemberKey, QuarterHours> allMemberQuarters() {
        java.util.Set<String> listed = new java.util.HashSet<>();
        memberQuarterDates.find().forEach(doc -> doc.getList("dates", String.class).forEach(date ->
                listed.add(memberKey(doc.getString("roomId"), doc.getString("userId"), LocalDate.parse(date)))));
        QuarterHours.Sums<MemberKey> sums = new QuarterHours.Sums<>();
        memberQuarters.find().forEach(doc -> {
            if (listed.contains(doc.getString("_id"))) {
                sums.add(new MemberKey(doc.getString("roomId"), doc.getString("userId")), quartersOf(doc));
            }
        });
        return sums.totals();
    }

    @Override
    public void replaceAllMemberQuarters(Map<MemberKey, QuarterHours> byMember) {
        memberQuarterDates.deleteMany(new Document());
        memberQuarters.deleteMany(new Document());
        insertInOrder(memberQuarterDates, memberQuarterDateDocuments(byMember), Function.identity());
        insertInOrder(memberQuarters, memberQuarterDocuments(byMember), Function.identity());
    }

    /** Users' quarter hours as stored, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> quarterDocuments(Map<String, QuarterHours> byUser) {
        return quarterDocuments(byUser, (user, date) -> new Document("_id", key(user, date)).append("userId", user));
    }

    /** Room members' quarter hours as stored, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> memberQuarterDocuments(Map<MemberKey, QuarterHours> byMember) {
        return quarterDocuments(byMember, (member, date) -> new Document("_id", memberKey(member.roomId(), member.userId(), date))
                .append("roomId", member.roomId()).append("userId", member.userId()));
    }

    /** Each room member's list of UTC dates, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> memberQuarterDateDocuments(Map<MemberKey, QuarterHours> byMember) {
        List<Document> documents = new ArrayList<>(byMember.size());
        byMember.forEach((member, quarters) -> documents.add(new Document("_id", memberKey(member.roomId(), member.userId()))
                .append("roomId", member.roomId()).append("userId", member.userId())
                .append("dates", quarters.utcDates().stream().map(LocalDate::toString).toList())));
        documents.sort(Comparator.comparing(doc -> doc.getString("_id")));
        return documents;
    }

    /** One document per owner and UTC date, begun by {@code newDocument} (its {@code _id} and owner fields), in {@code _id} order. */
    private static <K> List<Document> quarterDocuments(Map<K, QuarterHours> byOwner, BiFunction<K, LocalDate, Document> newDocument) {
        Map<String, Document> documents = new HashMap<>();
        BiFunction<K, LocalDate, Document> ofDate = (owner, date) -> {
            Document begun = newDocument.apply(owner, date);
            return documents.computeIfAbsent(begun.getString("_id"), id -> begun.append("day", date.toString())
                    .append("s", new Document()).append("c", new Document()));
        };
        byOwner.forEach((owner, quarters) -> {
            quarters.seconds().forEach((quarter, seconds) -> ofDate.apply(owner, QuarterHours.utcDateOf(quarter))
                    .get("s", Document.class).append(Integer.toString(slot(quarter)), seconds));
            quarters.corrections().forEach((span, seconds) -> ofDate.apply(owner, QuarterHours.utcDateOf(span.first()))
                    .get("c", Document.class).append(correctionKey(span), seconds));
        });
        List<Document> sorted = new ArrayList<>(documents.values());
        sorted.sort(Comparator.comparing(doc -> doc.getString("_id")));
        return sorted;
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
    public Map<RoomId, Long> ofRooms(PeriodBucket bucket) {
        Map<RoomId, Long> totals = new HashMap<>();
        Document found = roomPeriods.find(eq("_id", key(bucket))).first();
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
        roomDays.deleteMany(eq("roomId", roomId.value()));
        // A scan of the bucket documents on the embedded store, but they are few: about 430 per year of history.
        String field = "rooms." + roomId.value();
        roomPeriods.updateMany(exists(field), Updates.unset(field));
        // Scans on the embedded store; deleting a room is rare next to the leaderboard reads this layout keeps cheap.
        memberDays.deleteMany(eq("roomId", roomId.value()));
        memberPeriods.deleteMany(eq("roomId", roomId.value()));
        memberQuarters.deleteMany(eq("roomId", roomId.value()));
        memberQuarterDates.deleteMany(eq("roomId", roomId.value()));
    }

    @Override
    public Totals all() {
        return new Totals(read(userDays, "userId"), read(roomDays, "roomId"), readBuckets(), readMemberDays(), readMemberPeriods());
    }

    private Map<MemberDayKey, Long> readMemberDays() {
        Map<MemberDayKey, Long> totals = new HashMap<>();
        memberDays.find().forEach(doc -> totals.put(new MemberDayKey(doc.getString("roomId"), doc.getString("userId"),
                LocalDate.parse(doc.getString("day"))), doc.get("seconds", Number.class).longValue()));
        return totals;
    }

    private Map<MemberPeriodKey, Long> readMemberPeriods() {
        Map<MemberPeriodKey, Long> totals = new HashMap<>();
        memberPeriods.find().forEach(doc -> {
            String period = doc.getString("period");
            Optional<PeriodBucket> bucket = "all".equals(period) ? Optional.empty() : Optional.of(new PeriodBucket(
                    StudyPeriod.valueOf(period.toUpperCase(Locale.ROOT)), LocalDate.parse(doc.getString("first"))));
            totals.put(new MemberPeriodKey(doc.getString("roomId"), doc.getString("userId"), bucket),
                    doc.get("seconds", Number.class).longValue());
        });
        return totals;
    }

    private Map<BucketKey, Long> readBuckets() {
        Map<BucketKey, Long> totals = new HashMap<>();
        roomPeriods.find().forEach(doc -> {
            PeriodBucket bucket = new PeriodBucket(StudyPeriod.valueOf(doc.getString("period").toUpperCase(Locale.ROOT)),
                    LocalDate.parse(doc.getString("first")));
            doc.get("rooms", Document.class).forEach((roomId, seconds) ->
                    totals.put(new BucketKey(bucket, roomId), ((Number) seconds).longValue()));
        });
        return totals;
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
        roomPeriods.deleteMany(new Document());
        insertInOrder(roomPeriods, bucketDocuments(totals.buckets()), Function.identity());
        memberDays.deleteMany(new Document());
        insertInOrder(memberDays, memberDayDocuments(totals.memberDays()), Function.identity());
        memberPeriods.deleteMany(new Document());
        insertInOrder(memberPeriods, memberPeriodDocuments(totals.memberPeriods()), Function.identity());
    }

    /** Member day totals as stored, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> memberDayDocuments(Map<MemberDayKey, Long> totals) {
        List<Document> documents = new ArrayList<>(totals.size());
        totals.forEach((key, seconds) -> documents.add(new Document("_id", memberKey(key.roomId(), key.userId(), key.day()))
                .append("roomId", key.roomId()).append("userId", key.userId()).append("day", key.day().toString()).append("seconds", seconds)));
        documents.sort(Comparator.comparing(doc -> doc.getString("_id")));
        return documents;
    }

    /** Member week, month and all-time totals as stored, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> memberPeriodDocuments(Map<MemberPeriodKey, Long> totals) {
        List<Document> documents = new ArrayList<>(totals.size());
        totals.forEach((key, seconds) -> documents.add(new Document("_id", memberKey(key.roomId(), key.userId(), key.bucket()))
                .append("roomId", key.roomId()).append("userId", key.userId())
                .append("period", key.bucket().map(b -> b.period().name().toLowerCase(Locale.ROOT)).orElse("all"))
                .append("first", key.bucket().map(b -> b.firstDay().toString()).orElse(null)).append("seconds", seconds)));
        documents.sort(Comparator.comparing(doc -> doc.getString("_id")));
        return documents;
    }

    private static void write(MongoCollection<Document> collection, String ownerField, Map<DayKey, Long> totals) {
        collection.deleteMany(new Document());
        List<Map.Entry<DayKey, Long>> sorted = new ArrayList<>(totals.entrySet());
        // Ids have one length, so (owner, day) order is the order of "<owner>/<yyyy-MM-dd>".
        sorted.sort(Map.Entry.comparingByKey(Comparator.comparing((DayKey key) -> key.ownerId()).thenComparing(DayKey::day)));
        insertInOrder(collection, sorted, total -> document(ownerField, total.getKey().ownerId(), total.getKey().day(), total.getValue()));
    }

    /**
     * Inserts in batches of documents already in {@code _id} order: the embedded store keeps documents
     * in a B-tree by {@code _id} and writes every page an insert touched at each commit, so keys in
     * order touch only the tree's right edge, while scattered keys rewrite (and first read back) about
     * a page per document. Documents are made batch by batch, so millions of totals never sit in
     * memory as documents at once.
     */
    public static <T> void insertInOrder(MongoCollection<Document> collection, List<T> sorted, Function<T, Document> document) {
        List<Document> batch = new ArrayList<>(BATCH);
        for (T item : sorted) {
            batch.add(document.apply(item));
            if (batch.size() == BATCH) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    /** Bucket totals as stored, in {@code _id} order: one document per bucket with each room's seconds; for the rebuild and bulk loaders. */
    public static List<Document> bucketDocuments(Map<BucketKey, Long> totals) {
        Map<PeriodBucket, Document> byBucket = new HashMap<>();
        totals.forEach((key, seconds) -> byBucket.computeIfAbsent(key.bucket(), bucket -> new Document("_id", key(bucket))
                        .append("period", bucket.period().name().toLowerCase(Locale.ROOT)).append("first", bucket.firstDay().toString())
                        .append("rooms", new Document()))
                .get("rooms", Document.class).append(key.roomId(), seconds));
        List<Document> documents = new ArrayList<>(byBucket.values());
        documents.sort(Comparator.comparing(doc -> doc.getString("_id")));
        return documents;
    }

    /** One total as stored; public so a bulk loader (the benchmark) writes exactly what {@link #add} would. */
    public static Document document(String ownerField, String ownerId, LocalDate day, long seconds) {
        return new Document("_id", key(ownerId, day)).append(ownerField, ownerId).append("day", day.toString()).append("seconds", seconds);
    }
}
