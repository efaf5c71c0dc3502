package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.DailyGoals;

class InMemoryDailyGoalsTest extends AbstractDailyGoalsContract {
    @Override
    protected DailyGoals createGoals() {
        return new InMemoryDailyGoals();
    }
}
