package kr.co.stupy.identity;

class InMemoryUsersTest extends AbstractUsersContract {
    @Override
    protected Users createUsers() {
        return new InMemoryUsers();
    }
}
