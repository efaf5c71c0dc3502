package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import kr.co.stupy.application.studytime.port.in.DailyGoalQuery;
import kr.co.stupy.application.studytime.port.in.StudyReportQuery;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.GoalDays;
import kr.co.stupy.studytime.GoalHistory;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyStats;
import kr.co.stupy.studytime.SubjectTimes;

/**
 * Statistics with goals and subjects, all at one instant. Day totals come from the roll-ups (as
 * {@link StudyStatsService} reads them, each day once per answer); the goal streak reads back from today
 * only as far as days keep meeting their goal, never before the first goal was set; time by subject is summed
 * from the user's sessions in the range, which carry the subject (a year of them at most).
 */
public final class StudyReportService implements StudyReportQuery {

    private final StudyStatsService stats;
    private final DailyGoalQuery goals;
    private final StudyLedger ledger;
    private final RunningSessions running;
    private final StudyDayPolicy policy;
    private final Clock clock;

    public StudyReportService(StudyStatsService stats, DailyGoalQuery goals, StudyLedger ledger, RunningSessions running,
                              StudyDayPolicy policy, Clock clock) {
        this.stats = stats;
        this.goals = goals;
        this.ledger = ledger;
        this.running = running;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public StudyReport report(UserId userId, Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone) {
        var live = running.ofUser(userId);
        Instant now = clock.instant();
        StudyDayPolicy local = policy.inZone(zone);
        LocalDate today = local.dayOf(now);
        StudyStatsService.DayRange range = StudyStatsService.range(from, to, today);
        BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> history = new RememberedDays(stats.history(userId, live, zone, now, false));
        StudyStats studyStats = StudyStats.of(range.first(), range.last(), today, history);
        GoalHistory goalHistory = goals.history(userId);
        SortedMap<LocalDate, Long> inRange = new TreeMap<>();
        studyStats.days().forEach(day -> inRange.put(day.date(), day.seconds()));
        // No day before the first goal met one, so the goal streak reads back no further than that.
        int goalStreak = goalHistory.firstSetOn().map(firstGoal -> StudyStats.streak(today, firstGoal, history,
                (day, seconds) -> goalHistory.on(day).filter(goal -> goal.metBy(seconds)).isPresent())).orElse(0);
        GoalDays goalDays = new GoalDays(GoalDays.of(inRange, goalHistory, today).metByDay(), goalStreak);
        var sessions = StudyTodayService.counted(ledger.ofUser(userId, local.startOf(range.first()),
                local.startOf(range.last().plusDays(1))), live);
        SubjectTimes bySubject = SubjectTimes.of(sessions, local, now, range.first(), range.last());
        return new StudyReport(studyStats, goalHistory.current(), goalDays, bySubject);
    }
}
