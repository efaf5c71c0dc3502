package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.UserQuarterHours;

class InMemoryUserQuarterHoursTest extends AbstractUserQuarterHoursContract {
    @Override
    protected UserQuarterHours createRollup() {
        return new InMemoryUserQuarterHours();
    }
}
