package kr.co.stupy.adapter.mongo.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.application.identity.port.out.UsedLoginStates;
import kr.co.stupy.application.identity.testing.AbstractUsedLoginStatesContract;
import org.junit.jupiter.api.Test;

class MongoUsedLoginStatesTest extends AbstractUsedLoginStatesContract {

    @Override
    protected UsedLoginStates createStates() {
        return new MongoUsedLoginStates(TestMongo.freshDatabase(), Clock.systemUTC());
    }

    @Test
    void longExpiredEntriesAreRemovedOnTheWay() {
        MongoDatabase database = TestMongo.freshDatabase();
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        var states = new MongoUsedLoginStates(database, Clock.fixed(now, ZoneOffset.UTC));
        assertTrue(states.markUsed("old", now.minusSeconds(3600)));
        assertTrue(states.markUsed("recent", now.minusSeconds(60)));
        assertTrue(states.markUsed("live", now.plusSeconds(600)));
        // "old" went an hour ago, past the grace period; "recent" is kept for nodes whose clock lags.
        assertEquals(2, database.getCollection("login_states").countDocuments());
    }
}
