package kr.co.stupy.adapter.mongo.rooms;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.rooms.AbstractRoomQuotasContract;
import kr.co.stupy.rooms.RoomQuotas;

class MongoRoomQuotasTest extends AbstractRoomQuotasContract {
    @Override
    protected RoomQuotas createQuotas() {
        return new MongoRoomQuotas(TestMongo.freshDatabase());
    }
}
