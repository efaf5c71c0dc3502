package kr.co.stupy.application.studytime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.studytime.port.in.DailyGoalQuery;
import kr.co.stupy.application.studytime.port.in.StudyTodayQuery.StudyToday;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.application.studytime.port.out.RunningSessions.RunningSession;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.GoalHistory;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import org.junit.jupiter.api.Test;

class StudyTodayServiceTest {

    /** 01:00 in Seoul on 25 November: with the 05:00 day start, the study day of the 24th. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T16:00:00Z"));
    final InMemoryStudyLedger ledger = new InMemoryStudyLedger();
    final UserId kim = UserId.newId();
    final RoomId room = RoomId.newId();
    Optional<RunningSession> live = Optional.empty();
    Optional<DailyGoal> goal = Optional.empty();

    final RunningSessions running = new RunningSessions() {
        @Override
        public List<RunningSession> inRoom(RoomId roomId) {
            return live.stream().toList();
        }

        @Override
        public Optional<RunningSession> ofUser(UserId userId) {
            return live.filter(s -> s.userId().equals(userId));
        }

        @Override
        public List<RunningSession> all() {
            return live.stream().toList();
        }
    };

    final DailyGoalQuery goals = new DailyGoalQuery() {
        @Override
        public Optional<DailyGoal> currentGoal(UserId userId) {
            return goal;
        }

        @Override
        public GoalHistory history(UserId userId) {
            return GoalHistory.NONE;
        }
    };

    final StudyTodayService service = new StudyTodayService(ledger, running, goals, StudyDayPolicy.DEFAULT, clock);

    StudySession finished(Instant start, Duration length, Optional<Subject> subject) {
        StudySession session = StudySession.start(kim, room, subject, start);
        ledger.begin(session);
        return ledger.end(session.id(), start.plus(length)).orElseThrow();
    }

    @Test
    void todayIsTheStudyDayThatHoldsNowWithTheRunningSessionUpToTheServersInstant() {
        finished(clock.instant().minus(Duration.ofHours(3)), Duration.ofMinutes(40), Optional.of(new Subject("수학")));
        finished(clock.instant().minus(Duration.ofHours(22)), Duration.ofMinutes(10), Optional.empty());   // 03:00-03:10 KST on the 24th: the day before
        StudySession open = StudySession.start(kim, room, Optional.of(new Subject("영어")), clock.instant().minus(Duration.ofMinutes(5)));
        ledger.begin(open);
        live = Optional.of(new RunningSession(kim, room, open.id(), StudyState.studying(open.subject(), open.startedAt())));
        goal = Optional.of(new DailyGoal(45));

        StudyToday today = service.today(kim, ZoneId.of("Asia/Seoul"));

        assertEquals(LocalDate.of(2026, 11, 24), today.date());
        assertEquals(40 * 60 + 5 * 60, today.studySeconds());
        assertEquals(Map.of(Optional.of(new Subject("수학")), 2400L, Optional.of(new Subject("영어")), 300L), today.bySubject().seconds());
        assertTrue(today.goalMet(), "45 minutes reached");
        assertEquals(300, today.live().orElseThrow().sessionSeconds());
        assertEquals(clock.instant(), today.serverTime());
    }

    @Test
    void onABreakNothingRunsAndAnOpenSessionNobodyHoldsCountsToItsLastBeat() {
        StudySession orphan = StudySession.start(kim, room, clock.instant().minus(Duration.ofMinutes(30)));
        ledger.begin(orphan);
        ledger.heartbeat(orphan.id(), clock.instant().minus(Duration.ofMinutes(20)));
        StudySession ended = finished(clock.instant().minus(Duration.ofMinutes(15)), Duration.ofMinutes(10), Optional.empty());
        live = Optional.of(new RunningSession(kim, room, ended.id(), new StudyState(StudyStatus.BREAK, Optional.empty(),
                ended.endedAt().orElseThrow())));
        goal = Optional.of(new DailyGoal(60));

        StudyToday today = service.today(kim, ZoneId.of("Asia/Seoul"));

        assertEquals(600 + 600, today.studySeconds(), "ten minutes to the orphan's last beat and the ten before the break");
        assertEquals(0, today.live().orElseThrow().sessionSeconds());
        assertEquals(StudyStatus.BREAK, today.live().orElseThrow().state().status());
        assertFalse(today.goalMet());
        clock.advance(Duration.ofMinutes(3));
        assertEquals(1200, service.today(kim, ZoneId.of("Asia/Seoul")).studySeconds(), "the break does not count");
    }

    @Test
    void anotherZoneHasItsOwnStudyDay() {
        finished(clock.instant().minus(Duration.ofHours(3)), Duration.ofMinutes(40), Optional.empty());
        StudyToday utc = service.today(kim, ZoneId.of("UTC"));
        assertEquals(LocalDate.of(2026, 11, 24), utc.date(), "16:00 UTC is well into the 24th there");
        assertEquals(2400, utc.studySeconds());
        assertEquals(Optional.empty(), utc.goal());
        assertFalse(utc.goalMet());
    }
}
