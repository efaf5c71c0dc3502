package kr.co.stupy.adapter.mongo.studytime;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.UserDayTotals;
import kr.co.stupy.studytime.testing.AbstractUserDayTotalsContract;

class MongoUserDayTotalsTest extends AbstractUserDayTotalsContract {
    @Override
    protected UserDayTotals createRollup() {
        return new MongoUserDayTotals(TestMongo.freshDatabase());
    }
}
