package kr.co.stupy.adapter.mongo.studytime;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.testing.AbstractStudyLedgerContract;

class MongoStudyLedgerTest extends AbstractStudyLedgerContract {
    @Override
    protected StudyLedger createLedger() {
        return new MongoStudyLedger(TestMongo.freshDatabase());
    }
}
