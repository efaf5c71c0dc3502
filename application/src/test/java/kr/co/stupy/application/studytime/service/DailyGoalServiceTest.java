package kr.co.stupy.application.studytime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import kr.co.stupy.application.studytime.port.in.SetDailyGoalUseCase.SetDailyGoalCommand;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.GoalHistory;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.testing.InMemoryDailyGoals;
import org.junit.jupiter.api.Test;

/** Goals are filed under the study day it is now, in the configured zone and day start. */
class DailyGoalServiceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2027-03-10T03:00:00Z"));   // 12:00 KST, Mar 10
    final InMemoryDailyGoals store = new InMemoryDailyGoals();
    final DailyGoalService goals = new DailyGoalService(store, StudyDayPolicy.DEFAULT, clock);
    final UserId kim = UserId.newId();

    @Test
    void aGoalHoldsFromTodaysStudyDayOn() {
        goals.setDailyGoal(set(kim, 60));

        GoalHistory history = goals.history(kim);
        assertEquals(Optional.of(LocalDate.of(2027, 3, 10)), history.firstSetOn());
        assertEquals(Optional.of(new DailyGoal(60)), goals.currentGoal(kim));
        assertEquals(Optional.empty(), history.on(LocalDate.of(2027, 3, 9)));
        assertEquals(history, store.history(kim), "the query reads what the store keeps");
    }

    @Test
    void beforeTheDayStartAGoalBelongsToTheStudyDayStillRunning() {
        clock.set(Instant.parse("2027-03-10T19:30:00Z"));   // 04:30 KST, Mar 11: still Mar 10's study day
        goals.setDailyGoal(set(kim, 60));
        clock.set(Instant.parse("2027-03-10T20:00:00Z"));   // 05:00 KST, Mar 11: a new study day
        goals.setDailyGoal(set(kim, 90));

        assertEquals(Optional.of(new DailyGoal(60)), goals.history(kim).on(LocalDate.of(2027, 3, 10)));
        assertEquals(Optional.of(new DailyGoal(90)), goals.history(kim).on(LocalDate.of(2027, 3, 11)));
    }

    @Test
    void theConfiguredZoneDecidesTheDay() {
        var newYork = new DailyGoalService(store, new StudyDayPolicy(ZoneId.of("America/New_York"), LocalTime.of(5, 0)), clock);
        newYork.setDailyGoal(set(kim, 45));   // 22:00 EST, Mar 9
        assertEquals(Optional.of(LocalDate.of(2027, 3, 9)), goals.history(kim).firstSetOn());
    }

    @Test
    void changingOrClearingTheSameDayReplacesAndEarlierDaysKeepTheirGoal() {
        goals.setDailyGoal(set(kim, 60));
        clock.set(Instant.parse("2027-03-12T03:00:00Z"));
        goals.setDailyGoal(set(kim, 120));
        goals.setDailyGoal(new SetDailyGoalCommand(kim, Optional.empty()));

        assertEquals(Optional.empty(), goals.currentGoal(kim));
        assertEquals(2, goals.history(kim).settings().size(), "the same day's settings replace each other");
        assertEquals(Optional.of(new DailyGoal(60)), goals.history(kim).on(LocalDate.of(2027, 3, 11)));
    }

    @Test
    void aDeletedAccountsGoalsAreForgottenAndOthersStay() {
        UserId lee = UserId.newId();
        goals.setDailyGoal(set(kim, 60));
        goals.setDailyGoal(set(lee, 30));

        goals.forgetGoalsOf(kim);
        goals.forgetGoalsOf(kim);

        assertEquals(GoalHistory.NONE, goals.history(kim));
        assertEquals(Optional.of(new DailyGoal(30)), goals.currentGoal(lee));
    }

    @Test
    void aCommandNamesTheUserAndTheGoalOrItsAbsence() {
        assertThrows(IllegalArgumentException.class, () -> new SetDailyGoalCommand(null, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new SetDailyGoalCommand(kim, null));
    }

    private static SetDailyGoalCommand set(UserId userId, int minutes) {
        return new SetDailyGoalCommand(userId, Optional.of(new DailyGoal(minutes)));
    }
}
