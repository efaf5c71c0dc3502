package kr.co.stupy.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kr.co.stupy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A daily goal's range, and which goal held on which day. */
class GoalHistoryTest {

    static final LocalDate MAR_1 = LocalDate.of(2027, 3, 1);

    @Test
    void aGoalIsHalfAnHourToSixteenHours() {
        assertEquals(30, new DailyGoal(30).minutes());
        assertEquals(960 * 60L, new DailyGoal(960).seconds());
        for (int minutes : List.of(29, 961, 0, -30, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new DailyGoal(minutes));
            assertEquals("dailyMinutes", refused.errors().getFirst().field(), "the refusal names the contract's field");
            assertEquals("VALIDATION_FAILED", refused.code());
        }
    }

    @Test
    void aGoalIsMetFromItsLastSecondOn() {
        DailyGoal hour = new DailyGoal(60);
        assertFalse(hour.metBy(3599));
        assertTrue(hour.metBy(3600));
        assertTrue(hour.metBy(20_000));
        assertFalse(hour.metBy(0));
        assertTrue(new DailyGoal(960).metBy(StudyRules.MAX_PER_DAY.toSeconds()), "the highest goal is a full counted day");
    }

    @Test
    void noSettingMeansNoGoalOnAnyDay() {
        assertEquals(Optional.empty(), GoalHistory.NONE.current());
        assertEquals(Optional.empty(), GoalHistory.NONE.on(MAR_1));
        assertEquals(Optional.empty(), GoalHistory.NONE.firstSetOn());
    }

    @Test
    void aSettingHoldsFromItsDayUntilTheNextAndAClearedGoalIsNone() {
        GoalHistory history = history(MAR_1, 60, MAR_1.plusDays(3), 120, MAR_1.plusDays(5), null, MAR_1.plusDays(9), 30);

        assertEquals(Optional.empty(), history.on(MAR_1.minusDays(1)), "nothing before the first setting");
        assertEquals(goal(60), history.on(MAR_1));
        assertEquals(goal(60), history.on(MAR_1.plusDays(2)));
        assertEquals(goal(120), history.on(MAR_1.plusDays(3)));
        assertEquals(goal(120), history.on(MAR_1.plusDays(4)));
        assertEquals(Optional.empty(), history.on(MAR_1.plusDays(5)), "cleared from that day");
        assertEquals(Optional.empty(), history.on(MAR_1.plusDays(8)));
        assertEquals(goal(30), history.on(MAR_1.plusDays(9)));
        assertEquals(goal(30), history.on(MAR_1.plusYears(3)), "the last setting holds on");
        assertEquals(goal(30), history.current());
        assertEquals(Optional.of(MAR_1), history.firstSetOn());
    }

    @Test
    void aClearedGoalIsNoCurrentGoal() {
        assertEquals(Optional.empty(), history(MAR_1, 60, MAR_1.plusDays(1), null).current());
        assertEquals(Optional.of(MAR_1), history(MAR_1, null).firstSetOn(), "a clearing is a setting too");
    }

    @Test
    void aHistoryIsAValueTheCallerCannotChangeAfterwards() {
        SortedMap<LocalDate, Optional<DailyGoal>> settings = new TreeMap<>();
        settings.put(MAR_1, goal(60));
        GoalHistory history = new GoalHistory(settings);
        settings.put(MAR_1.plusDays(1), Optional.empty());

        assertEquals(goal(60), history.current());
        assertEquals(history(MAR_1, 60), history);
        assertThrows(UnsupportedOperationException.class, () -> history.settings().put(MAR_1, Optional.empty()));
    }

    static Optional<DailyGoal> goal(int minutes) {
        return Optional.of(new DailyGoal(minutes));
    }

    /** Day, minutes (null clears) pairs. */
    static GoalHistory history(Object... dayAndMinutes) {
        SortedMap<LocalDate, Optional<DailyGoal>> settings = new TreeMap<>();
        for (int i = 0; i < dayAndMinutes.length; i += 2) {
            Integer minutes = (Integer) dayAndMinutes[i + 1];
            settings.put((LocalDate) dayAndMinutes[i], minutes == null ? Optional.empty() : goal(minutes));
        }
        return new GoalHistory(settings);
    }
}
