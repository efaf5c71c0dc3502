package kr.co.stupy.adapter.mongo.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Set;
import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.rooms.AbstractRoomQuotasContract;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoRoomQuotasTest extends AbstractRoomQuotasContract {

    private MongoDatabase database;

    @Override
    protected RoomQuotas createQuotas() {
        database = TestMongo.freshDatabase();
        return new MongoRoomQuotas(database);
    }

    /** How documents were written before holds had ids and times: a number of holds per room. */
    private void plantOldDocument(UserId user, RoomId a, int holdsOnA, RoomId b) {
        database.getCollection("room_quotas").insertOne(new Document("_id", user.value())
                .append("rooms", new Document(a.value(), holdsOnA).append(b.value(), 1)).append("count", 2));
    }

    @Test
    void anOldDocumentClosedRefusesEveryHoldAndStaysAsATombstone() {
        UserId kim = UserId.newId();
        RoomId a = RoomId.newId();
        RoomId b = RoomId.newId();
        plantOldDocument(kim, a, 2, b);

        quotas.close(kim);

        assertFalse(quotas.hold(kim, a, T0, 5).isPresent(), "not even on a room held in the old form");
        assertFalse(quotas.hold(kim, RoomId.newId(), T0, 5).isPresent());
        quotas.holds(kim).forEach(hold -> quotas.release(kim, hold));
        assertEquals(List.of(), quotas.holds(kim));
        Document tombstone = database.getCollection("room_quotas").find(new Document("_id", kim.value())).first();
        assertEquals(Boolean.TRUE, tombstone.getBoolean("closed"), "a deleted account stays closed");
        assertEquals(0, tombstone.getInteger("count"));
    }

    @Test
    void oldDocumentsReadAsHoldsOfUnknownTime() {
        UserId kim = UserId.newId();
        RoomId a = RoomId.newId();
        RoomId b = RoomId.newId();
        plantOldDocument(kim, a, 2, b);

        List<RoomHold> holds = quotas.holds(kim);

        assertEquals(3, holds.size());
        assertTrue(holds.stream().allMatch(h -> h.takenAt().equals(RoomHold.UNKNOWN_TIME)));
        assertEquals(Set.of(a, b), quotas.held(kim));
        assertEquals(holds, quotas.holds(kim), "the same ids on every read");
    }

    @Test
    void oldDocumentsKeepTheirHoldsThroughEveryChange() {
        UserId kim = UserId.newId();
        RoomId a = RoomId.newId();
        RoomId b = RoomId.newId();
        plantOldDocument(kim, a, 2, b);

        assertFalse(quotas.hold(kim, RoomId.newId(), T0, 2).isPresent(), "two rooms held already");
        RoomHold third = quotas.hold(kim, a, T0, 2).orElseThrow();
        assertEquals(4, quotas.holds(kim).size());

        quotas.release(kim, third);
        quotas.releaseMembership(kim, a, T0);
        assertEquals(Set.of(a, b), quotas.held(kim), "one old hold on a is left");
        quotas.releaseMembership(kim, a, T0);
        assertEquals(Set.of(b), quotas.held(kim));
        quotas.release(kim, quotas.holds(kim).getFirst());
        assertEquals(Set.of(), quotas.held(kim));
        assertTrue(quotas.hold(kim, RoomId.newId(), T0, 1).isPresent(), "the count came down with the rooms");
    }

    @Test
    void anOldHoldCanBeReleasedByTheIdItWasReadWith() {
        UserId kim = UserId.newId();
        RoomId a = RoomId.newId();
        RoomId b = RoomId.newId();
        plantOldDocument(kim, a, 1, b);
        RoomHold onB = quotas.holds(kim).stream().filter(h -> h.room().equals(b)).findFirst().orElseThrow();

        quotas.release(kim, onB);

        assertEquals(Set.of(a), quotas.held(kim));
        assertTrue(quotas.hold(kim, RoomId.newId(), T0, 2).isPresent());
    }
}
