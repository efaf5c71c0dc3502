package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.DailyGoals;
import kr.co.stupy.studytime.GoalHistory;

/** {@link DailyGoals} in memory, for tests. */
public final class InMemoryDailyGoals implements DailyGoals {

    private final Map<UserId, Map<LocalDate, Optional<DailyGoal>>> settings = new ConcurrentHashMap<>();

    @Override
    public void set(UserId userId, LocalDate studyDay, Optional<DailyGoal> goal) {
        settings.computeIfAbsent(userId, id -> new ConcurrentSkipListMap<>()).put(studyDay, goal);
    }

    @Override
    public GoalHistory history(UserId userId) {
        Map<LocalDate, Optional<DailyGoal>> own = settings.get(userId);
        return own == null ? GoalHistory.NONE : new GoalHistory(new TreeMap<>(own));
    }

    @Override
    public void forget(UserId userId) {
        settings.remove(userId);
    }
}
