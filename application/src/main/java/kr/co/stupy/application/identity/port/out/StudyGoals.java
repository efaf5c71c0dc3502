package kr.co.stupy.application.identity.port.out;

import java.util.OptionalInt;
import kr.co.stupy.shared.UserId;

/** The daily study goal a user set, in minutes, as the study-time context knows it; shown with their profile. */
public interface StudyGoals {
    OptionalInt dailyGoalMinutesOf(UserId userId);
}
