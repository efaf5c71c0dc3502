package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/**
 * The daily goals students set, kept as a history ({@link GoalHistory}) because the goal streak judges
 * each day by the goal set at the time. A setting is stored per (user, study day) and written at once,
 * without reading first, so parallel changes never lose one another: the last write of a day wins.
 */
public interface DailyGoals {

    /**
     * Sets the goal that holds from {@code studyDay} on; a second setting on the same day replaces the
     * first, and an empty goal clears it from that day.
     */
    void set(UserId userId, LocalDate studyDay, Optional<DailyGoal> goal);

    /** Every setting of the user, by day; {@link GoalHistory#NONE} when they never set one. */
    GoalHistory history(UserId userId);

    /**
     * The goal that holds now: the latest setting (empty when it cleared the goal or there is none). Read on
     * every profile, so a store answers it from the latest setting alone rather than the whole history.
     */
    default Optional<DailyGoal> current(UserId userId) {
        return history(userId).current();
    }

    /** The account is being deleted: its settings go. Idempotent. */
    void forget(UserId userId);
}
