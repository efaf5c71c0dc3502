package kr.co.stupy.studytime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.DailyGoals;
import kr.co.stupy.studytime.GoalHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DailyGoals} promises. Extend it once per implementation. */
public abstract class AbstractDailyGoalsContract {

    protected static final LocalDate MON = LocalDate.of(2027, 3, 1);
    protected static final LocalDate TUE = MON.plusDays(1);
    protected static final LocalDate FRI = MON.plusDays(4);

    protected DailyGoals goals;
    protected final UserId kim = UserId.newId();
    protected final UserId lee = UserId.newId();

    /** An empty store of the implementation under test. */
    protected abstract DailyGoals createGoals();

    @BeforeEach
    void setUpGoals() {
        goals = createGoals();
    }

    @Test
    void nobodyHasAGoalUntilTheySetOne() {
        assertEquals(GoalHistory.NONE, goals.history(kim));
        goals.forget(kim);   // forgetting nothing is fine
        assertEquals(GoalHistory.NONE, goals.history(kim));
    }

    @Test
    void settingsAreKeptByDayAndReadBackInOrder() {
        goals.set(kim, FRI, Optional.empty());
        goals.set(kim, MON, goal(60));
        goals.set(kim, TUE, goal(960));

        GoalHistory history = goals.history(kim);
        assertEquals(settings(MON, goal(60), TUE, goal(960), FRI, Optional.empty()), history.settings());
        assertEquals(List.of(MON, TUE, FRI), List.copyOf(history.settings().keySet()));
        assertEquals(goal(960), history.on(TUE.plusDays(1)));
        assertEquals(Optional.empty(), history.current());
    }

    @Test
    void theCurrentGoalIsTheLatestSettingAsTheHistorySaysIt() {
        assertEquals(Optional.empty(), goals.current(kim));
        goals.set(kim, TUE, goal(60));
        goals.set(kim, MON, goal(90));   // written later, but for an earlier day
        assertEquals(goal(60), goals.current(kim));
        assertEquals(goals.history(kim).current(), goals.current(kim));
        goals.set(kim, MON.plusDays(2), Optional.empty());
        assertEquals(Optional.empty(), goals.current(kim), "cleared");
        goals.set(kim, MON.plusDays(3), goal(45));
        goals.set(lee, FRI, goal(120));
        assertEquals(goal(45), goals.current(kim), "another user's later setting is theirs");
    }

    @Test
    void aSecondSettingOnTheSameDayReplacesTheFirst() {
        goals.set(kim, MON, goal(60));
        goals.set(kim, TUE, goal(90));
        goals.set(kim, TUE, goal(30));
        assertEquals(settings(MON, goal(60), TUE, goal(30)), goals.history(kim).settings());

        goals.set(kim, TUE, Optional.empty());
        assertEquals(settings(MON, goal(60), TUE, Optional.empty()), goals.history(kim).settings());
        goals.set(kim, TUE, goal(45));
        assertEquals(goal(45), goals.history(kim).current());
    }

    @Test
    void eachUserHasTheirOwnGoalsAndForgettingOneLeavesTheOthers() {
        goals.set(kim, MON, goal(60));
        goals.set(lee, MON, goal(120));
        goals.set(lee, FRI, goal(30));

        assertEquals(settings(MON, goal(60)), goals.history(kim).settings());
        goals.forget(lee);
        goals.forget(lee);

        assertEquals(GoalHistory.NONE, goals.history(lee));
        assertEquals(settings(MON, goal(60)), goals.history(kim).settings());
        goals.set(lee, FRI, goal(50));
        assertEquals(settings(FRI, goal(50)), goals.history(lee).settings(), "a new setting starts a new history");
    }

    @Test
    void parallelSettingsOfOneDayEndWithOneOfThemAndNoneOfOtherDaysIsLost() {
        int count = 16;
        Parallel.run(count, i -> {
            goals.set(kim, MON, goal(30 + i));                   // all on one day: one of them wins
            goals.set(kim, MON.plusDays(1 + i), goal(100 + i));  // one per day: every one stays
            return null;
        });

        GoalHistory history = goals.history(kim);
        assertEquals(count + 1, history.settings().size());
        int winner = history.on(MON).orElseThrow().minutes();
        assertTrue(winner >= 30 && winner < 30 + count, "one of the values sent: " + winner);
        for (int i = 0; i < count; i++) {
            assertEquals(goal(100 + i), history.on(MON.plusDays(1 + i)));
        }
    }

    protected static Optional<DailyGoal> goal(int minutes) {
        return Optional.of(new DailyGoal(minutes));
    }

    @SuppressWarnings("unchecked")
    protected static SortedMap<LocalDate, Optional<DailyGoal>> settings(Object... dayAndGoal) {
        SortedMap<LocalDate, Optional<DailyGoal>> settings = new TreeMap<>();
        for (int i = 0; i < dayAndGoal.length; i += 2) {
            settings.put((LocalDate) dayAndGoal[i], (Optional<DailyGoal>) dayAndGoal[i + 1]);
        }
        return settings;
    }
}
