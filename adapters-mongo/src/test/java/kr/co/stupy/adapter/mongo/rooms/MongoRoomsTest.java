package kr.co.stupy.adapter.mongo.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.rooms.AbstractRoomsContract;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomFixtures;
import kr.co.stupy.rooms.RoomSearch;
import kr.co.stupy.rooms.RoomSort;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.rooms.SearchText;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.UserId;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoRoomsTest extends AbstractRoomsContract {
    @Override
    protected Rooms createRooms() {
        return new MongoRooms(TestMongo.freshDatabase());
    }

    @Test
    void roomsWrittenBeforeTagsWereSearchedAreFoundByTagOnceTheStoreStarts() {
        MongoDatabase database = TestMongo.freshDatabase();
        Room room = RoomFixtures.room(UserId.newId(), "아침 공부", "같이 해요", Instant.parse("2026-11-24T09:00:00Z"), "자격증");
        Document old = RoomMapper.toDocument(room);
        old.put("search", "아침 공부\n같이 해요");
        old.remove(RoomMapper.JOINABLE);
        old.remove(RoomMapper.DERIVED);
        database.getCollection("rooms").insertOne(old);

        Rooms rooms = new MongoRooms(database);

        RoomSearch byTag = new RoomSearch(Optional.of(new SearchText("#자격")), Optional.empty(), RoomSort.LATEST, true);
        assertEquals(List.of(room.id()), rooms.search(byTag, PageRequest.first(20)).items().stream().map(Room::id).toList());
        Document now = database.getCollection("rooms").find().first();
        assertEquals(RoomMapper.DERIVED_RULES, now.getInteger(RoomMapper.DERIVED));
        assertTrue(now.getBoolean(RoomMapper.JOINABLE));
    }

    @Test
    void aTagRangeEndsJustAboveEveryTagStartingWithThePrefix() {
        assertEquals(Optional.of("자겪"), HashtagCounts.upperBound("자격"));
        assertEquals(Optional.of("a\uE000"), HashtagCounts.upperBound("a\uD7FF"), "past the surrogates");
        assertEquals(Optional.of("x\uD83D\uDE01"), HashtagCounts.upperBound("x\uD83D\uDE00"), "a character beyond the BMP as a whole");
        assertEquals(Optional.empty(), HashtagCounts.upperBound(new String(Character.toChars(Character.MAX_CODE_POINT))));
    }
}
