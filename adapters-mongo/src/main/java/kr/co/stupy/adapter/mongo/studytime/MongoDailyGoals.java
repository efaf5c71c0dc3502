package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.DailyGoals;
import kr.co.stupy.studytime.GoalHistory;
import org.bson.Document;

/**
 * Daily goals in {@code study_daily_goals}: one document per (user, study day), its {@code _id} being
 * {@code "<user id>/<yyyy-MM-dd>"}, with {@code minutes} (null once cleared). A setting is one upsert
 * that {@code $set}s the day's document, so parallel settings never lose one another and nothing is
 * read first; of one day's settings the last write wins. A history is the user's documents by day,
 * read through the {@code (userId, day)} index, which also gives them in day order.
 */
public final class MongoDailyGoals implements DailyGoals {

    private static final String OWNER = "userId";
    private static final String DAY = "day";
    private static final String MINUTES = "minutes";
    private final MongoCollection<Document> goals;

    public MongoDailyGoals(MongoDatabase database) {
        this.goals = database.getCollection("study_daily_goals");
        goals.createIndex(Indexes.ascending(OWNER, DAY), new IndexOptions().name("by_user_day"));
    }

    @Override
    public void set(UserId userId, LocalDate studyDay, Optional<DailyGoal> goal) {
        // ISO dates sort as text in date order, so the day is kept as "yyyy-MM-dd".
        RollupDocuments.upsert(goals, eq("_id", RollupDocuments.dayKey(userId.value(), studyDay)), Updates.combine(
                Updates.set(OWNER, userId.value()),
                Updates.set(DAY, studyDay.toString()),
                Updates.set(MINUTES, goal.map(DailyGoal::minutes).orElse(null))));
    }

    @Override
    public GoalHistory history(UserId userId) {
        SortedMap<LocalDate, Optional<DailyGoal>> settings = new TreeMap<>();
        goals.find(eq(OWNER, userId.value())).sort(Sorts.ascending(DAY)).forEach(doc -> settings.put(
                LocalDate.parse(doc.getString(DAY)), Optional.ofNullable(doc.getInteger(MINUTES)).map(DailyGoal::new)));
        return settings.isEmpty() ? GoalHistory.NONE : new GoalHistory(settings);
    }

    @Override
    public Optional<DailyGoal> current(UserId userId) {
        Document latest = goals.find(eq(OWNER, userId.value())).sort(Sorts.descending(DAY)).limit(1).first();
        return latest == null ? Optional.empty() : Optional.ofNullable(latest.getInteger(MINUTES)).map(DailyGoal::new);
    }

    @Override
    public void forget(UserId userId) {
        goals.deleteMany(eq(OWNER, userId.value()));
    }
}
