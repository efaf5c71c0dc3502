package kr.co.stupy.adapter.mongo.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberQuarterHours.MemberKey;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.UserDayTotals;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The read models side by side in one database, as a node keeps them: each keeps to its own
 * collections, and those hold exactly the documents and indexes that data written before the read
 * models were split holds, so existing data keeps working.
 */
class MongoStudyRollupsTest {

    private static final UserId KIM = new UserId("0000000000000000000000000A");
    private static final RoomId ROOM = new RoomId("0000000000000000000000000R");
    private static final LocalDate D1 = LocalDate.of(2026, 11, 30);
    private static final Instant START = Instant.parse("2026-11-30T23:50:00.300Z");
    private static final QuarterHours LATE = QuarterHours.of(START, START.plusSeconds(1800));

    private final MongoDatabase database = TestMongo.freshDatabase();
    private final StudyRollups rollups = MongoStudyRollups.in(database);

    private void finishSession() {
        TreeMap<LocalDate, Long> pieces = new TreeMap<>(Map.of(D1, 20 * 3_600L));
        rollups.userDays().add(KIM, pieces);
        rollups.roomPeriods().add(ROOM, pieces);
        rollups.memberTotals().add(KIM, ROOM, pieces);
        rollups.userQuarters().add(KIM, LATE);
        rollups.memberQuarters().add(KIM, ROOM, LATE);
        rollups.userPeriods().add(KIM, pieces);
    }

    private List<Object> stored(String collection) {
        List<Object> documents = new ArrayList<>();
        database.getCollection(collection).find().sort(new Document("_id", 1)).forEach(doc -> documents.add(canonical(doc)));
        return documents;
    }

    private static List<Object> parsed(String... json) {
        return java.util.Arrays.stream(json).map(Document::parse).map(MongoStudyRollupsTest::canonical).toList();
    }

    /**
     * A document as fields and values only: fields in name order (the order of a document's fields is
     * the store's and the maps' business, not the shape) and whole numbers as longs (JSON does not say
     * whether 600 was stored as an int or a long; both read back alike).
     */
    private static Object canonical(Object value) {
        return switch (value) {
            case Document doc -> {
                Map<String, Object> fields = new TreeMap<>();
                doc.forEach((name, field) -> fields.put(name, canonical(field)));
                yield fields;
            }
            case List<?> list -> list.stream().map(MongoStudyRollupsTest::canonical).toList();
            case Integer number -> number.longValue();
            case null -> "null";
            default -> value;
        };
    }

    private List<String> indexes(String collection) {
        List<String> names = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach(index -> names.add(index.getString("name")));
        return names;
    }

    @Test
    void eachReadModelIsReplacedOnItsOwn() {
        finishSession();
        UserDayTotals.Totals userDays = rollups.userDays().all();
        RoomPeriodTotals.Totals roomPeriods = rollups.roomPeriods().all();
        MemberTotals.Totals memberTotals = rollups.memberTotals().all();

        rollups.memberQuarters().replaceAll(Map.of(new MemberKey(ROOM.value(), KIM.value()), LATE.plus(LATE)));
        assertEquals(Map.of(KIM.value(), LATE), rollups.userQuarters().all(), "the users' quarters are replaced on their own");
        rollups.userQuarters().replaceAll(Map.of());
        assertEquals(Map.of(new MemberKey(ROOM.value(), KIM.value()), LATE.plus(LATE)), rollups.memberQuarters().all());

        rollups.userDays().replaceAll(new UserDayTotals.Totals(Map.of()));
        assertEquals(roomPeriods, rollups.roomPeriods().all());
        assertEquals(memberTotals, rollups.memberTotals().all());
        rollups.roomPeriods().replaceAll(new RoomPeriodTotals.Totals(Map.of(), Map.of()));
        rollups.memberTotals().replaceAll(new MemberTotals.Totals(Map.of(), Map.of()));
        rollups.userDays().replaceAll(userDays);
        assertEquals(userDays, rollups.userDays().all());
    }

    @Test
    void aFinishedSessionIsStoredAsBeforeTheSplit() {
        finishSession();
        String kim = KIM.value();
        String room = ROOM.value();

        assertEquals(parsed("{\"_id\": \"" + kim + "/2026-11-30\", \"userId\": \"" + kim + "\", \"day\": \"2026-11-30\", \"seconds\": 72000}"),
                stored("study_user_days"));
        assertEquals(parsed("{\"_id\": \"" + room + "/2026-11-30\", \"roomId\": \"" + room + "\", \"day\": \"2026-11-30\", \"seconds\": 72000}"),
                stored("study_room_days"));
        assertEquals(parsed(
                "{\"_id\": \"day/2026-11-30\", \"period\": \"day\", \"first\": \"2026-11-30\", \"rooms\": {\"" + room + "\": 72000}}",
                "{\"_id\": \"month/2026-11-01\", \"period\": \"month\", \"first\": \"2026-11-01\", \"rooms\": {\"" + room + "\": 72000}}",
                "{\"_id\": \"week/2026-11-30\", \"period\": \"week\", \"first\": \"2026-11-30\", \"rooms\": {\"" + room + "\": 72000}}"),
                stored("study_room_periods"));
        String member = "\"roomId\": \"" + room + "\", \"userId\": \"" + kim + "\"";
        assertEquals(parsed("{\"_id\": \"" + room + "/" + kim + "/2026-11-30\", " + member + ", \"day\": \"2026-11-30\", \"seconds\": 72000}"),
                stored("study_member_days"));
        assertEquals(parsed(
                "{\"_id\": \"" + room + "/" + kim + "/all\", " + member + ", \"period\": \"all\", \"first\": null, \"seconds\": 57600}",
                "{\"_id\": \"" + room + "/" + kim + "/month/2026-11-01\", " + member + ", \"period\": \"month\", \"first\": \"2026-11-01\", \"seconds\": 57600}",
                "{\"_id\": \"" + room + "/" + kim + "/week/2026-11-30\", " + member + ", \"period\": \"week\", \"first\": \"2026-11-30\", \"seconds\": 57600}"),
                stored("study_member_periods"));
        assertEquals(parsed(
                "{\"_id\": \"" + kim + "/2026-11-30\", \"s\": {\"95\": 599}, \"c\": {\"95_2\": 1}, \"userId\": \"" + kim + "\", \"day\": \"2026-11-30\"}",
                "{\"_id\": \"" + kim + "/2026-12-01\", \"s\": {\"0\": 900, \"1\": 300}, \"userId\": \"" + kim + "\", \"day\": \"2026-12-01\"}"),
                stored("study_user_quarters"));
        assertEquals(parsed(
                "{\"_id\": \"" + room + "/" + kim + "/2026-11-30\", \"s\": {\"95\": 599}, \"c\": {\"95_2\": 1}, " + member + ", \"day\": \"2026-11-30\"}",
                "{\"_id\": \"" + room + "/" + kim + "/2026-12-01\", \"s\": {\"0\": 900, \"1\": 300}, " + member + ", \"day\": \"2026-12-01\"}"),
                stored("study_member_quarters"));
        assertEquals(parsed("{\"_id\": \"" + room + "/" + kim + "\", " + member + ", \"dates\": [\"2026-11-30\", \"2026-12-01\"]}"),
                stored("study_member_quarter_dates"));
        String user = "\"userId\": \"" + kim + "\"";
        assertEquals(parsed(
                "{\"_id\": \"" + kim + "/day/2026-11-30\", " + user + ", \"bucket\": \"day/2026-11-30\", \"seconds\": 57600, \"raw\": 72000}",
                "{\"_id\": \"" + kim + "/month/2026-11-01\", " + user + ", \"bucket\": \"month/2026-11-01\", \"seconds\": 57600}",
                "{\"_id\": \"" + kim + "/week/2026-11-30\", " + user + ", \"bucket\": \"week/2026-11-30\", \"seconds\": 57600}"),
                stored("study_user_periods"), "each bucket capped at sixteen hours; the day keeps its raw sum");
    }

    @Test
    void theIndexesAreThoseExistingDatabasesHave() {
        for (String collection : List.of("study_room_days", "study_member_days", "study_member_periods", "study_member_quarters",
                "study_member_quarter_dates")) {
            assertEquals(List.of("_id_", "by_room"), indexes(collection), collection);
        }
        assertEquals(List.of("_id_", "by_bucket_seconds"), indexes("study_user_periods"), "the user ranking reads the top of a bucket");
        finishSession();   // the collections exist now
        for (String collection : List.of("study_user_days", "study_room_periods", "study_user_quarters")) {
            assertEquals(List.of("_id_"), indexes(collection), collection);
        }
    }
}
