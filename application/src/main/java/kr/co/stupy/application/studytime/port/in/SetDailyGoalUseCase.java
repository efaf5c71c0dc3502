package kr.co.stupy.application.studytime.port.in;

import java.util.Optional;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;

/**
 * Sets or clears one's daily study goal from today's study day (configured zone and day start) on.
 * Earlier days keep the goal they had, so a goal streak still judges them by it.
 */
public interface SetDailyGoalUseCase {

    /** An empty {@code goal} clears it. */
    record SetDailyGoalCommand(UserId userId, Optional<DailyGoal> goal) {
        public SetDailyGoalCommand {
            if (userId == null || goal == null) {
                throw new IllegalArgumentException("a goal change names the user and the goal, or its absence");
            }
        }
    }

    void setDailyGoal(SetDailyGoalCommand command);
}
