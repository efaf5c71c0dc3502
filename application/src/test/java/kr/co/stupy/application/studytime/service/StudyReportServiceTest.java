package kr.co.stupy.application.studytime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kr.co.stupy.application.studytime.port.in.SetDailyGoalUseCase.SetDailyGoalCommand;
import kr.co.stupy.application.studytime.port.in.StudyReportQuery.StudyReport;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase.SessionEnd;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.Subject;
import kr.co.stupy.studytime.testing.InMemoryDailyGoals;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import kr.co.stupy.studytime.testing.InMemoryStudyRollups;
import org.junit.jupiter.api.Test;

/** Statistics with goals and subjects on in-memory ports: goal streaks judged by the goal of each day, subjects adding up. */
class StudyReportServiceTest {

    static final ZoneId SEOUL = StudyDayPolicy.DEFAULT.zone();
    /** 12:00 in Seoul: the study day of the 1st of December 2026 began at 05:00. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T03:00:00Z"));
    final InMemoryStudyLedger ledger = new InMemoryStudyLedger();
    final StudyRollups rollups = InMemoryStudyRollups.create();
    final StudySessionService sessions = new StudySessionService(ledger, (room, seconds) -> { }, rollups, RunningSessions.none(),
            StudyDayPolicy.DEFAULT, clock);
    final DailyGoalService goals = new DailyGoalService(new InMemoryDailyGoals(), StudyDayPolicy.DEFAULT, clock);
    final StudyStatsService stats = StudyStatsServiceAccess.create(ledger, rollups, RunningSessions.none(), StudyDayPolicy.DEFAULT, clock);
    final StudyReportService reports = new StudyReportService(stats, goals, ledger, RunningSessions.none(), StudyDayPolicy.DEFAULT, clock);
    final UserId kim = UserId.newId();
    final RoomId room = RoomId.newId();
    final LocalDate today = LocalDate.of(2026, 12, 1);

    /** Studies {@code minutes} at noon of {@code daysAgo} days before today, with a subject. */
    void studied(int daysAgo, int minutes, Optional<Subject> subject) {
        Instant noon = clock.instant().minus(Duration.ofDays(daysAgo));
        StudySession session = StudySession.start(kim, room, subject, noon);
        sessions.begin(session);
        sessions.end(new SessionEnd(session.id(), noon.plus(Duration.ofMinutes(minutes))));
    }

    void goalFrom(int daysAgo, int minutes) {
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(daysAgo)));
        goals.setDailyGoal(new SetDailyGoalCommand(kim, Optional.of(new DailyGoal(minutes))));
        clock.set(now);
    }

    @Test
    void aGoalStreakLongerThanAnyReadOfItIsCountedWholeAndTodayUnmetDoesNotBreakIt() {
        goalFrom(200, 30);
        for (int daysAgo = 150; daysAgo >= 1; daysAgo--) {
            studied(daysAgo, 40, Optional.empty());
        }
        studied(0, 10, Optional.empty());   // today, not there yet

        StudyReport report = reports.report(kim, Optional.empty(), Optional.empty(), SEOUL);

        assertEquals(150, report.goalDays().streakDays(), "150 days met, read back in chunks");
        assertEquals(151, report.stats().currentStreakDays(), "every one of them a study day, and today too");
        assertEquals(Optional.of(new DailyGoal(30)), report.goal());
        assertEquals(false, report.goalDays().met(today));
        assertEquals(true, report.goalDays().met(today.minusDays(1)));
    }

    @Test
    void eachDayIsJudgedByTheGoalSetAtTheTimeAndNoDayBeforeTheFirstGoalCounts() {
        for (int daysAgo = 10; daysAgo >= 1; daysAgo--) {
            studied(daysAgo, 50, Optional.empty());
        }
        goalFrom(6, 45);   // days 6..4 ago meet 45 minutes
        goalFrom(3, 60);   // days 3..1 ago miss 60 minutes
        assertEquals(0, reports.report(kim, Optional.empty(), Optional.empty(), SEOUL).goalDays().streakDays(),
                "yesterday missed the goal of its day");

        goalFrom(0, 45);   // today's goal is easier, but the days before keep theirs
        studied(0, 50, Optional.empty());
        StudyReport report = reports.report(kim, Optional.empty(), Optional.empty(), SEOUL);
        assertEquals(1, report.goalDays().streakDays());
        assertEquals(List.of(false, false, false, false, true, true, true, false, false, false, true),
                report.stats().days().subList(19, 30).stream().map(day -> report.goalDays().met(day.date())).toList(),
                "ten days of 50 minutes: no goal, 45 (met), 60 (missed), and today 45 (met)");
    }

    @Test
    void theSubjectsOfTheRangeAddUpToItsTotal() {
        studied(3, 20, Optional.of(new Subject("수학")));
        studied(2, 30, Optional.of(new Subject("영어")));
        studied(1, 10, Optional.of(new Subject("수학")));
        studied(1, 5, Optional.empty());
        StudyReport report = reports.report(kim, Optional.empty(), Optional.empty(), SEOUL);
        assertEquals(Map.of(Optional.of(new Subject("수학")), 1800L, Optional.of(new Subject("영어")), 1800L, Optional.<Subject>empty(), 300L),
                report.bySubject().seconds());
        assertEquals(report.stats().totalSeconds(), report.bySubject().total());
        assertEquals(Map.of(Optional.of(new Subject("수학")), 600L, Optional.<Subject>empty(), 300L),
                reports.report(kim, Optional.of(today.minusDays(1)), Optional.of(today.minusDays(1)), SEOUL).bySubject().seconds(),
                "only the days of the range");
    }

    @Test
    void theDaysOfAReportAreReadOnceEvenWhenItsStreaksReadThemAgain() {
        List<String> reads = new ArrayList<>();
        RememberedDays days = new RememberedDays((from, to) -> {
            reads.add(from + ".." + to);
            SortedMap<LocalDate, Long> found = new TreeMap<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                found.put(day, 60L);
            }
            return found;
        });
        assertEquals(30, days.apply(today.minusDays(29), today).size());
        assertEquals(366, days.apply(today.minusDays(365), today).size());
        assertEquals(92, days.apply(today.minusDays(91), today).size());
        assertEquals(List.of(today.minusDays(29) + ".." + today, today.minusDays(365) + ".." + today.minusDays(30)), reads);
        assertEquals(3, days.apply(today.minusDays(800), today.minusDays(798)).size(), "a span apart is read alone");
        assertEquals(3, reads.size());
    }
}
