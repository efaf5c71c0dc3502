package kr.co.stupy.adapter.mongo.studytime;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.testing.AbstractMemberTotalsContract;

class MongoMemberTotalsTest extends AbstractMemberTotalsContract {
    @Override
    protected MemberTotals createRollup() {
        return new MongoMemberTotals(TestMongo.freshDatabase());
    }
}
