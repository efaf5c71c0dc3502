package kr.co.stupy.adapter.mongo.studytime;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.UserQuarterHours;
import kr.co.stupy.studytime.testing.AbstractUserQuarterHoursContract;

class MongoUserQuarterHoursTest extends AbstractUserQuarterHoursContract {
    @Override
    protected UserQuarterHours createRollup() {
        return new MongoUserQuarterHours(TestMongo.freshDatabase());
    }
}
