package kr.co.stupy.adapter.mongo.studytime;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.testing.AbstractRoomPeriodTotalsContract;

class MongoRoomPeriodTotalsTest extends AbstractRoomPeriodTotalsContract {
    @Override
    protected RoomPeriodTotals createRollup() {
        return new MongoRoomPeriodTotals(TestMongo.freshDatabase());
    }
}
