package kr.co.stupy.adapter.mongo.identity;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.identity.testing.AbstractUsersContract;
import kr.co.stupy.identity.Users;

class MongoUsersTest extends AbstractUsersContract {
    @Override
    protected Users createUsers() {
        return new MongoUsers(TestMongo.freshDatabase());
    }
}
