package kr.co.stupy.adapter.mongo.studytime;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.testing.AbstractStudyRollupsContract;

class MongoStudyRollupsTest extends AbstractStudyRollupsContract {
    @Override
    protected StudyRollups createRollups() {
        return new MongoStudyRollups(TestMongo.freshDatabase());
    }
}
