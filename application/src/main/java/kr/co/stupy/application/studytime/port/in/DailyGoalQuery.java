package kr.co.stupy.application.studytime.port.in;

import java.util.Optional;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.GoalHistory;

/** A user's daily goal: the one that holds now, and every one they set, by study day. */
public interface DailyGoalQuery {

    Optional<DailyGoal> currentGoal(UserId userId);

    GoalHistory history(UserId userId);
}
