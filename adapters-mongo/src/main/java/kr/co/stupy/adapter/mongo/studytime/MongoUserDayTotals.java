package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.UserDayTotals;
import org.bson.Document;

/**
 * Users' day totals in {@code study_user_days}: one document per key, its {@code _id} being
 * {@code "<user id>/<yyyy-MM-dd>"}, grown by {@code $inc} upserts. A user's range is read by
 * {@code _id $in [each day]}, which even the embedded store answers from its primary key index (it
 * ignores secondary indexes, so any other filter scans the whole collection).
 */
public final class MongoUserDayTotals implements UserDayTotals {

    private static final String OWNER = "userId";
    private final MongoCollection<Document> userDays;

    public MongoUserDayTotals(MongoDatabase database) {
        this.userDays = database.getCollection("study_user_days");
    }

    /** One total as stored; public so a bulk loader (the benchmark) writes exactly what {@link #add} would. */
    public static Document document(String userId, LocalDate day, long seconds) {
        return RollupDocuments.dayDocument(OWNER, userId, day, seconds);
    }

    @Override
    public void add(UserId userId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> RollupDocuments.incrementDay(userDays, OWNER, userId.value(), day, seconds));
    }

    @Override
    public SortedMap<LocalDate, Long> ofUser(UserId userId, LocalDate first, LocalDate last) {
        List<String> keys = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            keys.add(RollupDocuments.dayKey(userId.value(), day));
        }
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        userDays.find(in("_id", keys)).forEach(doc -> {
            long seconds = RollupDocuments.secondsOf(doc);
            if (seconds != 0) {
                days.put(LocalDate.parse(doc.getString("day")), seconds);
            }
        });
        return days;
    }

    @Override
    public Totals all() {
        return new Totals(RollupDocuments.readDays(userDays, OWNER, UserDay::new));
    }

    @Override
    public void replaceAll(Totals totals) {
        RollupDocuments.replaceDays(userDays, OWNER, totals.days(), UserDay::userId, UserDay::day);
    }
}
