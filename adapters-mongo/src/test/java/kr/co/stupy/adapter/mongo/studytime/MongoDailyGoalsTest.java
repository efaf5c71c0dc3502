package kr.co.stupy.adapter.mongo.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.DailyGoals;
import kr.co.stupy.studytime.testing.AbstractDailyGoalsContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoDailyGoalsTest extends AbstractDailyGoalsContract {

    private MongoDatabase database;

    @Override
    protected DailyGoals createGoals() {
        database = TestMongo.freshDatabase();
        return new MongoDailyGoals(database);
    }

    @Test
    void eachSettingIsOneDocumentPerUserAndDayAndAClearedGoalIsKeptAsNull() {
        goals.set(kim, MON, goal(60));
        goals.set(kim, MON, goal(90));
        goals.set(kim, TUE, Optional.empty());

        List<Document> stored = database.getCollection("study_daily_goals").find().sort(new Document("_id", 1)).into(new ArrayList<>());
        assertEquals(List.of(
                new Document("_id", kim.value() + "/2027-03-01").append("userId", kim.value()).append("day", "2027-03-01").append("minutes", 90),
                new Document("_id", kim.value() + "/2027-03-02").append("userId", kim.value()).append("day", "2027-03-02").append("minutes", null)),
                stored);
    }

    @Test
    void aUsersHistoryHasAnIndexOnUserThenDay() {
        Document byUserDay = database.getCollection("study_daily_goals").listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> index.getString("name").equals("by_user_day")).findFirst().orElseThrow();
        Document key = byUserDay.get("key", Document.class);
        assertEquals(List.of("userId", "day"), List.copyOf(key.keySet()), "user first: one user's days lie together, in order");
        assertEquals(new Document("userId", 1).append("day", 1), key);
    }
}
