package kr.co.stupy.application.integration;

import java.util.OptionalInt;
import kr.co.stupy.application.identity.port.out.StudyGoals;
import kr.co.stupy.application.studytime.port.in.DailyGoalQuery;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;

/** Identity shows a user's daily goal (in a login, a profile) as the study-time context knows it. */
public final class StudyGoalsFromStudyTime implements StudyGoals {

    private final DailyGoalQuery goals;

    public StudyGoalsFromStudyTime(DailyGoalQuery goals) {
        this.goals = goals;
    }

    @Override
    public OptionalInt dailyGoalMinutesOf(UserId userId) {
        return goals.currentGoal(userId).map(DailyGoal::minutes).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }
}
