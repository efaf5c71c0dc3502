package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.util.Optional;
import kr.co.stupy.application.studytime.port.in.DailyGoalQuery;
import kr.co.stupy.application.studytime.port.in.ForgetAccountGoalsUseCase;
import kr.co.stupy.application.studytime.port.in.SetDailyGoalUseCase;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.DailyGoals;
import kr.co.stupy.studytime.GoalHistory;
import kr.co.stupy.studytime.StudyDayPolicy;

/**
 * Daily goals. A change is filed under the study day it is now in the configured zone and day start,
 * the days every statistic is kept in, so at 01:00 with a 05:00 day start it holds from yesterday's
 * study day on: the night's study is judged by the goal set during it.
 */
public final class DailyGoalService implements SetDailyGoalUseCase, DailyGoalQuery, ForgetAccountGoalsUseCase {

    private final DailyGoals goals;
    private final StudyDayPolicy policy;
    private final Clock clock;

    public DailyGoalService(DailyGoals goals, StudyDayPolicy policy, Clock clock) {
        this.goals = goals;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void setDailyGoal(SetDailyGoalCommand command) {
        goals.set(command.userId(), policy.dayOf(clock.instant()), command.goal());
    }

    @Override
    public Optional<DailyGoal> currentGoal(UserId userId) {
        return goals.current(userId);
    }

    @Override
    public GoalHistory history(UserId userId) {
        return goals.history(userId);
    }

    @Override
    public void forgetGoalsOf(UserId userId) {
        goals.forget(userId);
    }
}
