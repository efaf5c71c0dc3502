package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.UserQuarterHours;
import org.bson.Document;

/**
 * Statistics in other zones read {@code study_user_quarters}: one document per user and UTC date,
 * {@code _id} {@code "<user id>/<yyyy-MM-dd>"}, shaped as {@link QuarterDocuments} says, read by
 * {@code _id $in} over the UTC dates a range of study days covers.
 */
public final class MongoUserQuarterHours implements UserQuarterHours {

    private final MongoCollection<Document> userQuarters;

    public MongoUserQuarterHours(MongoDatabase database) {
        this.userQuarters = database.getCollection("study_user_quarters");
    }

    /** Users' quarter hours as stored, in {@code _id} order; for the rebuild and bulk loaders. */
    public static List<Document> quarterDocuments(Map<String, QuarterHours> byUser) {
        return QuarterDocuments.documents(byUser, (user, date) -> new Document("_id", RollupDocuments.dayKey(user, date)).append("userId", user));
    }

    @Override
    public void add(UserId userId, QuarterHours quarters) {
        String user = userId.value();
        QuarterDocuments.incrementsByDate(quarters).forEach((date, increments) -> RollupDocuments.upsert(userQuarters,
                eq("_id", RollupDocuments.dayKey(user, date)), QuarterDocuments.update(increments, date, Updates.setOnInsert("userId", user))));
    }

    @Override
    public QuarterHours ofUser(UserId userId, LocalDate firstUtcDate, LocalDate lastUtcDate) {
        List<String> keys = new ArrayList<>();
        for (LocalDate date = firstUtcDate; !date.isAfter(lastUtcDate); date = date.plusDays(1)) {
            keys.add(RollupDocuments.dayKey(userId.value(), date));
        }
        return QuarterDocuments.read(userQuarters, keys, doc -> userId).getOrDefault(userId, QuarterHours.NONE);
    }

    @Override
    public Map<String, QuarterHours> all() {
        QuarterHours.Sums<String> sums = new QuarterHours.Sums<>();
        userQuarters.find().forEach(doc -> sums.add(doc.getString("userId"), QuarterDocuments.quartersOf(doc)));
        return sums.totals();
    }

    @Override
    public void replaceAll(Map<String, QuarterHours> byUser) {
        userQuarters.deleteMany(new Document());
        MongoStudyRollups.insertInOrder(userQuarters, quarterDocuments(byUser), Function.identity());
    }
}
