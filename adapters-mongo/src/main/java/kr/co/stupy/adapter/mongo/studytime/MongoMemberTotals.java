package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.PeriodBucket;
import org.bson.Document;

/**
 * Room leaderboards read {@code study_member_days} ({@code _id} {@code "<room id>/<user id>/<yyyy-MM-dd>"},
 * raw seconds) and {@code study_member_periods} ({@code _id} {@code "<room id>/<user id>/week/<first day>"},
 * {@code ".../month/<first day>"} or {@code ".../all"}, seconds with each day capped at sixteen hours),
 * so a board of at most ten members is one {@code _id $in} per collection. A member's day is grown with
 * {@code findOneAndUpdate}, whose answer (the day's new sum) says how much the capped day moved.
 */
public final class MongoMemberTotals implements MemberTotals {

    private final MongoCollection<Document> memberDays;
    private final MongoCollection<Document> memberPeriods;

    public MongoMemberTotals(MongoDatabase database) {
        this.memberDays = database.getCollection("study_member_days");
        this.memberPeriods = database.getCollection("study_member_periods");
        // Only a room's deletion looks members' totals up by room; the embedded store scans for it, real MongoDB uses these.
        memberDays.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
        memberPeriods.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
    }

    /** Member day totals as stored, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> memberDayDocuments(Map<MemberDayKey, Long> totals) {
        List<Document> documents = new ArrayList<>(totals.size());
        totals.forEach((key, seconds) -> documents.add(new Document("_id", RollupDocuments.memberKey(key.roomId(), key.userId(), key.day()))
                .append("roomId", key.roomId()).append("userId", key.userId()).append("day", key.day().toString()).append("seconds", seconds)));
        return RollupDocuments.sortedById(documents);
    }

    /** Member week, month and all-time totals as stored, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> memberPeriodDocuments(Map<MemberPeriodKey, Long> totals) {
        List<Document> documents = new ArrayList<>(totals.size());
        totals.forEach((key, seconds) -> documents.add(new Document("_id", RollupDocuments.memberKey(key.roomId(), key.userId(), key.bucket()))
                .append("roomId", key.roomId()).append("userId", key.userId())
                .append("period", key.bucket().map(RollupDocuments::periodName).orElse("all"))
                .append("first", key.bucket().map(b -> b.firstDay().toString()).orElse(null)).append("seconds", seconds)));
        return RollupDocuments.sortedById(documents);
    }

    @Override
    public void add(UserId user, RoomId room, SortedMap<LocalDate, Long> secondsByDay) {
        String userId = user.value();
        String roomId = room.value();
        Map<Optional<PeriodBucket>, Long> periods = new LinkedHashMap<>();
        secondsByDay.forEach((day, seconds) -> {
            long after = RollupDocuments.incrementAndGet(memberDays, eq("_id", RollupDocuments.memberKey(roomId, userId, day)), Updates.combine(
                    Updates.setOnInsert("roomId", roomId), Updates.setOnInsert("userId", userId),
                    Updates.setOnInsert("day", day.toString()), Updates.inc("seconds", seconds)), "seconds");
            long change = MemberTotals.cappedChange(after, seconds);
            if (change != 0) {
                MemberTotals.bucketsContaining(day).forEach(bucket -> periods.merge(bucket, change, Long::sum));
            }
        });
        periods.forEach((bucket, seconds) -> {
            if (seconds != 0) {
                RollupDocuments.upsert(memberPeriods, eq("_id", RollupDocuments.memberKey(roomId, userId, bucket)), Updates.combine(
                        Updates.setOnInsert("roomId", roomId), Updates.setOnInsert("userId", userId),
                        Updates.setOnInsert("period", bucket.map(RollupDocuments::periodName).orElse("all")),
                        Updates.setOnInsert("first", bucket.map(b -> b.firstDay().toString()).orElse(null)),
                        Updates.inc("seconds", seconds)));
            }
        });
    }

    @Override
    public Map<UserId, SortedMap<LocalDate, Long>> ofMemberDays(RoomId roomId, Collection<UserId> members, Collection<LocalDate> days) {
        List<String> keys = new ArrayList<>();
        for (UserId member : members) {
            days.forEach(day -> keys.add(RollupDocuments.memberKey(roomId.value(), member.value(), day)));
        }
        Map<UserId, SortedMap<LocalDate, Long>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        memberDays.find(in("_id", keys)).forEach(doc -> {
            long seconds = RollupDocuments.secondsOf(doc);
            if (seconds != 0) {
                found.computeIfAbsent(new UserId(doc.getString("userId")), m -> new TreeMap<>()).put(LocalDate.parse(doc.getString("day")), seconds);
            }
        });
        return found;
    }

    @Override
    public Map<UserId, Long> ofMembers(RoomId roomId, Collection<UserId> members, Optional<PeriodBucket> bucket) {
        new MemberPeriodKey(roomId.value(), "check", bucket);   // refuses a day bucket, as every implementation does
        List<String> keys = members.stream().map(member -> RollupDocuments.memberKey(roomId.value(), member.value(), bucket)).toList();
        Map<UserId, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        memberPeriods.find(in("_id", keys)).forEach(doc -> {
            long seconds = RollupDocuments.secondsOf(doc);
            if (seconds != 0) {
                found.put(new UserId(doc.getString("userId")), seconds);
            }
        });
        return found;
    }

    @Override
    public void deleteRoom(RoomId roomId) {
        // Scans on the embedded store; deleting a room is rare next to the leaderboard reads this layout keeps cheap.
        memberDays.deleteMany(eq("roomId", roomId.value()));
        memberPeriods.deleteMany(eq("roomId", roomId.value()));
    }

    @Override
    public Totals all() {
        Map<MemberDayKey, Long> days = new HashMap<>();
        memberDays.find().forEach(doc -> days.put(new MemberDayKey(doc.getString("roomId"), doc.getString("userId"),
                LocalDate.parse(doc.getString("day"))), RollupDocuments.secondsOf(doc)));
        Map<MemberPeriodKey, Long> periods = new HashMap<>();
        memberPeriods.find().forEach(doc -> {
            Optional<PeriodBucket> bucket = "all".equals(doc.getString("period")) ? Optional.empty() : Optional.of(RollupDocuments.bucketOf(doc));
            periods.put(new MemberPeriodKey(doc.getString("roomId"), doc.getString("userId"), bucket), RollupDocuments.secondsOf(doc));
        });
        return new Totals(days, periods);
    }

    @Override
    public void replaceAll(Totals totals) {
        memberDays.deleteMany(new Document());
        MongoStudyRollups.insertInOrder(memberDays, memberDayDocuments(totals.days()), Function.identity());
        memberPeriods.deleteMany(new Document());
        MongoStudyRollups.insertInOrder(memberPeriods, memberPeriodDocuments(totals.periods()), Function.identity());
    }
}
