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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.Predicate;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberQuarterHours;
import kr.co.stupy.studytime.QuarterHours;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Room leaderboards in other zones read {@code study_member_quarters}: one document per room member and
 * UTC date, {@code _id} {@code "<room id>/<user id>/<yyyy-MM-dd>"}, shaped as {@link QuarterDocuments}
 * says. An all-time board cannot name its dates beforehand, and the embedded store answers nothing but
 * {@code _id} lookups without a scan, so {@code study_member_quarter_dates} keeps one document per
 * member ({@code _id} {@code "<room id>/<user id>"}) listing the UTC dates it has ({@code dates}, grown
 * by {@code $addToSet}, about 6 KB per year of daily study): two {@code _id $in} reads however long the
 * room's history, the second only for documents that exist (a week's or a month's board reads the
 * lists too). A date is listed before its quarters are added, so a crash in between leaves a listed
 * date without quarters (read as nothing), never quarters no board finds; {@link #all} reads only
 * listed dates, so a rebuild sees and repairs what a board would miss.
 */
public final class MongoMemberQuarterHours implements MemberQuarterHours {

    private final MongoCollection<Document> memberQuarters;
    private final MongoCollection<Document> memberQuarterDates;

    public MongoMemberQuarterHours(MongoDatabase database) {
        this.memberQuarters = database.getCollection("study_member_quarters");
        this.memberQuarterDates = database.getCollection("study_member_quarter_dates");
        // Only a room's deletion looks members' quarters up by room; the embedded store scans for it, real MongoDB uses these.
        memberQuarters.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
        memberQuarterDates.createIndex(Indexes.ascending("roomId"), new IndexOptions().name("by_room"));
    }

    /** Room members' quarter hours as stored, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> memberQuarterDocuments(Map<MemberKey, QuarterHours> byMember) {
        return QuarterDocuments.documents(byMember, (member, date) -> new Document("_id",
                RollupDocuments.memberKey(member.roomId(), member.userId(), date)).append("roomId", member.roomId()).append("userId", member.userId()));
    }

    /** Each room member's list of UTC dates, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> memberQuarterDateDocuments(Map<MemberKey, QuarterHours> byMember) {
        List<Document> documents = new ArrayList<>(byMember.size());
        byMember.forEach((member, quarters) -> documents.add(new Document("_id", RollupDocuments.memberKey(member.roomId(), member.userId()))
                .append("roomId", member.roomId()).append("userId", member.userId())
                .append("dates", quarters.utcDates().stream().map(LocalDate::toString).toList())));
        return RollupDocuments.sortedById(documents);
    }

    @Override
    public void add(UserId userId, RoomId roomId, QuarterHours quarters) {
        SortedMap<LocalDate, List<Bson>> byDate = QuarterDocuments.incrementsByDate(quarters);
        if (byDate.isEmpty()) {
            return;
        }
        String user = userId.value();
        String room = roomId.value();
        // Listed first: a crash before the quarters leaves a date that reads as nothing, not quarters an all-time board misses.
        RollupDocuments.upsert(memberQuarterDates, eq("_id", RollupDocuments.memberKey(room, user)), Updates.combine(
                Updates.setOnInsert("roomId", room), Updates.setOnInsert("userId", user),
                Updates.addEachToSet("dates", byDate.keySet().stream().map(LocalDate::toString).toList())));
        byDate.forEach((date, increments) -> RollupDocuments.upsert(memberQuarters, eq("_id", RollupDocuments.memberKey(room, user, date)),
                QuarterDocuments.update(increments, date, Updates.setOnInsert("roomId", room), Updates.setOnInsert("userId", user))));
    }

    @Override
    public Map<UserId, QuarterHours> ofMembers(RoomId roomId, Collection<UserId> members, LocalDate firstUtcDate, LocalDate lastUtcDate) {
        // ISO dates order as text, so the listed dates are picked without parsing them.
        String first = firstUtcDate.toString();
        String last = lastUtcDate.toString();
        return QuarterDocuments.read(memberQuarters, listedKeys(roomId, members, date -> date.compareTo(first) >= 0 && date.compareTo(last) <= 0),
                doc -> new UserId(doc.getString("userId")));
    }

    @Override
    public Map<UserId, QuarterHours> allOfMembers(RoomId roomId, Collection<UserId> members) {
        return QuarterDocuments.read(memberQuarters, listedKeys(roomId, members, date -> true), doc -> new UserId(doc.getString("userId")));
    }

    /**
     * The {@code _id}s of the members' quarter documents on listed dates that {@code wanted} keeps. Even a
     * month's board reads the lists first: looking up ten members × 32 dates by {@code _id}, most of them
     * absent, cost the embedded store more than one read of ten lists and then only the documents that exist.
     */
    private List<String> listedKeys(RoomId roomId, Collection<UserId> members, Predicate<String> wanted) {
        List<String> lists = members.stream().map(member -> RollupDocuments.memberKey(roomId.value(), member.value())).toList();
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

    @Override
    public void deleteRoom(RoomId roomId) {
        // Scans on the embedded store; deleting a room is rare next to the leaderboard reads this layout keeps cheap.
        memberQuarters.deleteMany(eq("roomId", roomId.value()));
        memberQuarterDates.deleteMany(eq("roomId", roomId.value()));
    }

    @Override
    public Map<MemberKey, QuarterHours> all() {
        Set<String> listed = new HashSet<>();
        memberQuarterDates.find().forEach(doc -> doc.getList("dates", String.class).forEach(date ->
                listed.add(RollupDocuments.memberKey(doc.getString("roomId"), doc.getString("userId"), LocalDate.parse(date)))));
        QuarterHours.Sums<MemberKey> sums = new QuarterHours.Sums<>();
        memberQuarters.find().forEach(doc -> {
            if (listed.contains(doc.getString("_id"))) {
                sums.add(new MemberKey(doc.getString("roomId"), doc.getString("userId")), QuarterDocuments.quartersOf(doc));
            }
        });
        return sums.totals();
    }

    @Override
    public void replaceAll(Map<MemberKey, QuarterHours> byMember) {
        memberQuarterDates.deleteMany(new Document());
        memberQuarters.deleteMany(new Document());
        MongoStudyRollups.insertInOrder(memberQuarterDates, memberQuarterDateDocuments(byMember), Function.identity());
        MongoStudyRollups.insertInOrder(memberQuarters, memberQuarterDocuments(byMember), Function.identity());
    }
}
