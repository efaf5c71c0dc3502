package kr.co.stupy.identity.testing;

import kr.co.stupy.identity.Users;

class InMemoryUsersTest extends AbstractUsersContract {
    @Override
    protected Users createUsers() {
        return new InMemoryUsers();
    }
}
