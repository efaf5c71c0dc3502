package kr.co.stupy.studytime;

import static kr.co.stupy.studytime.GoalHistoryTest.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Days judged by the goal that held on them, and the goal streak. */
class GoalDaysTest {

    /** Today in every test; {@code day(-1)} is yesterday. */
    static final LocalDate TODAY = LocalDate.of(2027, 3, 20);
    static final long MINUTE = 60;

    static LocalDate day(int offset) {
        return TODAY.plusDays(offset);
    }

    /** Day offset, minutes studied pairs. */
    static SortedMap<LocalDate, Long> studied(int... offsetAndMinutes) {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        for (int i = 0; i < offsetAndMinutes.length; i += 2) {
            days.put(day(offsetAndMinutes[i]), offsetAndMinutes[i + 1] * MINUTE);
        }
        return days;
    }

    @Test
    void eachDayIsJudgedByTheGoalSetAtTheTimeAndTheStreakSpansAGoalChange() {
        // An hour a day until day -3, then two hours: 90 minutes met the old goal but would miss the new one.
        GoalHistory goals = history(day(-10), 60, day(-2), 120);
        GoalDays result = GoalDays.of(studied(-4, 90, -3, 60, -2, 120, -1, 150, 0, 125), goals, TODAY);

        assertEquals(Map.of(day(-4), true, day(-3), true, day(-2), true, day(-1), true, day(0), true), result.metByDay());
        assertEquals(5, result.streakDays());
        assertFalse(GoalDays.of(studied(-2, 90), goals, TODAY).met(day(-2)), "90 minutes miss the two-hour goal");
        assertTrue(GoalDays.of(studied(-3, 90), goals, TODAY).met(day(-3)), "and met the one-hour goal before it");
    }

    @Test
    void todayNotMetYetDoesNotBreakTheStreakButDoesNotCount() {
        GoalHistory goals = history(day(-30), 60);
        assertEquals(3, GoalDays.of(studied(-3, 60, -2, 61, -1, 600, 0, 59), goals, TODAY).streakDays());
        assertEquals(3, GoalDays.of(studied(-3, 60, -2, 61, -1, 600), goals, TODAY).streakDays(), "nothing today yet");
        assertEquals(4, GoalDays.of(studied(-3, 60, -2, 61, -1, 600, 0, 60), goals, TODAY).streakDays());
        assertEquals(1, GoalDays.of(studied(0, 60), goals, TODAY).streakDays(), "today alone");
    }

    @Test
    void aMissedOrEmptyDayEndsTheStreak() {
        GoalHistory goals = history(day(-30), 60);
        // Day -3 studied too little; day -5 is a gap with no study at all.
        assertEquals(2, GoalDays.of(studied(-6, 60, -4, 60, -3, 30, -2, 60, -1, 60), goals, TODAY).streakDays());
        assertEquals(0, GoalDays.of(studied(-6, 60, -4, 60, -3, 60, -2, 60), goals, TODAY).streakDays(),
                "yesterday had nothing: the run ended two days ago");
        assertEquals(1, GoalDays.of(studied(-6, 60, -5, 60, -3, 60, -2, 60, 0, 90), goals, TODAY).streakDays(),
                "a gap yesterday; only today counts");
        assertFalse(GoalDays.of(studied(-5, 60), goals, TODAY).met(day(-4)), "a day not given met nothing");
    }

    @Test
    void aClearedGoalMeetsNothingUntilAGoalIsSetAgain() {
        GoalHistory goals = history(day(-10), 30, day(-4), null, day(-2), 30);
        GoalDays result = GoalDays.of(studied(-6, 60, -5, 60, -4, 600, -3, 600, -2, 60, -1, 60, 0, 60), goals, TODAY);

        assertTrue(result.met(day(-5)));
        assertFalse(result.met(day(-4)), "no goal that day: ten hours meet nothing");
        assertFalse(result.met(day(-3)));
        assertTrue(result.met(day(-2)));
        assertEquals(3, result.streakDays());
        assertEquals(0, GoalDays.of(studied(-1, 600, 0, 600), history(day(-5), 60, day(-1), null), TODAY).streakDays(),
                "cleared yesterday: neither yesterday nor today can meet a goal");
    }

    @Test
    void withoutAnyGoalNoDayIsMetAndThereIsNoStreak() {
        GoalDays result = GoalDays.of(studied(-2, 960, -1, 960, 0, 960), GoalHistory.NONE, TODAY);
        assertEquals(Map.of(day(-2), false, day(-1), false, day(0), false), result.metByDay());
        assertEquals(0, result.streakDays());
        assertEquals(0, GoalDays.of(new TreeMap<>(), GoalHistory.NONE, TODAY).streakDays());
    }

    @Test
    void noDayBeforeTheFirstGoalCountsEvenWithStudy() {
        GoalHistory goals = history(day(-2), 60);
        GoalDays result = GoalDays.of(studied(-5, 600, -4, 600, -3, 600, -2, 60, -1, 60, 0, 60), goals, TODAY);
        assertFalse(result.met(day(-3)));
        assertEquals(3, result.streakDays());
    }

    @Test
    void aGoalSetTodayJudgesTodayAndTheHighestGoalIsAFullDay() {
        GoalHistory goals = history(day(0), 960);
        assertEquals(1, GoalDays.of(studied(-1, 960, 0, 960), goals, TODAY).streakDays());
        assertEquals(0, GoalDays.of(studied(-1, 960, 0, 959), goals, TODAY).streakDays());
        // Uncapped sums over sixteen hours still meet it.
        SortedMap<LocalDate, Long> overlong = new TreeMap<>(Map.of(TODAY, 20 * 3600L));
        assertEquals(1, GoalDays.of(overlong, goals, TODAY).streakDays());
    }

    @Test
    void theStreakRunsAcrossMonthAndYearEnds() {
        LocalDate newYear = LocalDate.of(2027, 1, 1);
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        for (LocalDate d = LocalDate.of(2026, 12, 20); !d.isAfter(newYear.plusDays(3)); d = d.plusDays(1)) {
            days.put(d, 45 * MINUTE);
        }
        GoalDays result = GoalDays.of(days, history(LocalDate.of(2026, 12, 1), 45), newYear.plusDays(3));
        assertEquals(16, result.streakDays());
    }

    @Test
    void daysAfterTodayDoNotCountForTheStreak() {
        GoalHistory goals = history(day(-5), 30);
        assertEquals(2, GoalDays.of(studied(-1, 30, 0, 30, 1, 30, 2, 30), goals, TODAY).streakDays());
    }
}
