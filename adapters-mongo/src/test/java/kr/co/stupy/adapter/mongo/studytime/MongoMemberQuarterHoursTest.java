package kr.co.stupy.adapter.mongo.studytime;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.MemberQuarterHours;
import kr.co.stupy.studytime.testing.AbstractMemberQuarterHoursContract;

class MongoMemberQuarterHoursTest extends AbstractMemberQuarterHoursContract {
    @Override
    protected MemberQuarterHours createRollup() {
        return new MongoMemberQuarterHours(TestMongo.freshDatabase());
    }
}
