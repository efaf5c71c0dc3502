package kr.co.stupy.adapter.mongo.studytime;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.UserPeriodTotals;
import kr.co.stupy.studytime.testing.AbstractUserPeriodTotalsContract;

class MongoUserPeriodTotalsTest extends AbstractUserPeriodTotalsContract {
    @Override
    protected UserPeriodTotals createRollup() {
        return new MongoUserPeriodTotals(TestMongo.freshDatabase());
    }
}
