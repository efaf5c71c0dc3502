package kr.co.stupy.adapter.mongo.rooms;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.rooms.AbstractRoomsContract;
import kr.co.stupy.rooms.Rooms;

class MongoRoomsTest extends AbstractRoomsContract {
    @Override
    protected Rooms createRooms() {
        return new MongoRooms(TestMongo.freshDatabase());
    }
}
