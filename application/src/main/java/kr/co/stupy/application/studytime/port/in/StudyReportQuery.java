package kr.co.stupy.application.studytime.port.in;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.GoalDays;
import kr.co.stupy.studytime.StudyStats;
import kr.co.stupy.studytime.SubjectTimes;

/**
 * A user's statistics with their goal: the days of {@link StudyStatsQuery}, which of them met the
 * goal set at the time, the goal streak, and the time by subject over the range. Same range rules.
 */
public interface StudyReportQuery {

    StudyReport report(UserId userId, Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone);

    /**
     * @param goal      the goal that holds now
     * @param goalDays  for each day of the range, whether it met the goal of its day; and the goal streak up to today
     * @param bySubject the range's study by subject
     */
    record StudyReport(StudyStats stats, Optional<DailyGoal> goal, GoalDays goalDays, SubjectTimes bySubject) {
        public StudyReport {
            Objects.requireNonNull(stats, "stats");
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(goalDays, "goalDays");
            Objects.requireNonNull(bySubject, "bySubject");
        }
    }
}
