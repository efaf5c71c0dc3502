package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.UserPeriodTotals;

class InMemoryUserPeriodTotalsTest extends AbstractUserPeriodTotalsContract {
    @Override
    protected UserPeriodTotals createRollup() {
        return new InMemoryUserPeriodTotals();
    }
}
