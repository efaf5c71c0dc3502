package kr.co.stupy.adapter.mongo.rooms;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.rooms.AbstractRoomPomodorosContract;
import kr.co.stupy.rooms.RoomPomodoros;

class MongoRoomPomodorosTest extends AbstractRoomPomodorosContract {
    @Override
    protected RoomPomodoros createPomodoros() {
        return new MongoRoomPomodoros(TestMongo.freshDatabase());
    }
}
