package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.studytime.port.in.DailyGoalQuery;
import kr.co.stupy.application.studytime.port.in.StudyTodayQuery;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.application.studytime.port.out.RunningSessions.RunningSession;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.SubjectTimes;

/**
 * Today from the ledger itself: the user's sessions that touch the study day (a handful), counted at
 * one instant. The session presence holds runs to that instant; an open one nobody holds (its node
 * died, the reaper is not done) counts to its last heartbeat, where the reaper will end it.
 */
public final class StudyTodayService implements StudyTodayQuery {

    private final StudyLedger ledger;
    private final RunningSessions running;
    private final DailyGoalQuery goals;
    private final StudyDayPolicy policy;
    private final Clock clock;

    public StudyTodayService(StudyLedger ledger, RunningSessions running, DailyGoalQuery goals, StudyDayPolicy policy, Clock clock) {
        this.ledger = ledger;
        this.running = running;
        this.goals = goals;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public StudyToday today(UserId userId, ZoneId zone) {
        Optional<RunningSession> live = running.ofUser(userId);
        Instant now = clock.instant();
        StudyDayPolicy local = policy.inZone(zone);
        LocalDate today = local.dayOf(now);
        List<StudySession> sessions = counted(ledger.ofUser(userId, local.startOf(today), local.startOf(today.plusDays(1))), live);
        SubjectTimes bySubject = SubjectTimes.of(sessions, local, now, today, today);
        Optional<LiveStudy> liveStudy = live.map(session -> new LiveStudy(session.roomId(), session.state(),
                sessionSeconds(session, sessions, now)));
        return new StudyToday(today, bySubject.total(), goals.currentGoal(userId), bySubject, liveStudy, now);
    }

    /** The ledger's sessions as they count now: an open one only runs on while a live connection studies in it. */
    static List<StudySession> counted(List<StudySession> sessions, Optional<RunningSession> live) {
        Optional<String> runningId = live.filter(RunningSession::studying).map(RunningSession::sessionId);
        return sessions.stream().map(s -> s.countedNow(runningId.filter(s.id()::equals).isPresent())).toList();
    }

    private static long sessionSeconds(RunningSession live, List<StudySession> sessions, Instant now) {
        if (!live.studying()) {
            return 0;
        }
        return sessions.stream().filter(s -> s.id().equals(live.sessionId())).findFirst()
                .map(s -> s.counted(now).toSeconds()).orElse(0L);
    }
}
