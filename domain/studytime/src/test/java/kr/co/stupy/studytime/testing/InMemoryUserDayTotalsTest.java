package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.UserDayTotals;

class InMemoryUserDayTotalsTest extends AbstractUserDayTotalsContract {
    @Override
    protected UserDayTotals createRollup() {
        return new InMemoryUserDayTotals();
    }
}
