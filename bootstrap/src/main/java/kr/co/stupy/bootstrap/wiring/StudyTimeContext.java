package kr.co.stupy.bootstrap.wiring;

import java.time.Clock;
import kr.co.stupy.application.integration.PresenceRunningSessions;
import kr.co.stupy.application.integration.PublicProfilesFromIdentity;
import kr.co.stupy.application.integration.RoomsStudyTotals;
import kr.co.stupy.application.live.port.in.LivePresenceQuery;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.studytime.service.DailyGoalService;
import kr.co.stupy.application.studytime.service.LeaderboardService;
import kr.co.stupy.application.studytime.service.RoomStudyNowService;
import kr.co.stupy.application.studytime.service.StudyTodayService;
import kr.co.stupy.application.studytime.service.StudyReportService;
import kr.co.stupy.application.studytime.service.StudySessionService;
import kr.co.stupy.application.studytime.service.StudyStatsService;
import kr.co.stupy.application.studytime.service.UserRankingService;
import kr.co.stupy.studytime.StudyDayPolicy;

/** Study time: the sessions live rooms record, the boards, statistics and rankings read from them, and daily goals. */
public record StudyTimeContext(StudySessionService sessions, LeaderboardService boards, StudyStatsService stats, DailyGoalService goals,
                               StudyTodayService today, StudyReportService reports, UserRankingService userRankings) {

    /** The live figures of room cards; the rooms context needs them before study time is wired (its boards need the rooms' rosters). */
    public static RoomStudyNowService roomStudyNow(Stores stores, LivePresenceQuery live, StudyDayPolicy studyDays, Clock clock) {
        return new RoomStudyNowService(new PresenceRunningSessions(live), stores.rollups().roomPeriods(), studyDays, clock);
    }

    /** {@code live}: who is live now, whose running sessions every figure includes. */
    public static StudyTimeContext wire(Stores stores, LivePresenceQuery live, RoomRosterQuery rosters, StudyDayPolicy studyDays,
                                        Clock clock) {
        var running = new PresenceRunningSessions(live);
        var roomTotals = new RoomsStudyTotals(stores.rooms());
        var sessions = new StudySessionService(stores.ledger(), roomTotals, stores.rollups(), running, studyDays, clock);
        var boards = new LeaderboardService(stores.ledger(), stores.rollups().memberTotals(), stores.rollups().memberQuarters(), running,
                stores.users(), rosters, studyDays, clock);
        var stats = new StudyStatsService(stores.ledger(), stores.rollups(), running, roomTotals, studyDays, clock);
        var goals = new DailyGoalService(stores.goals(), studyDays, clock);
        var today = new StudyTodayService(stores.ledger(), running, goals, studyDays, clock);
        var reports = new StudyReportService(stats, goals, stores.ledger(), running, studyDays, clock);
        var userRankings = new UserRankingService(stores.rollups().userPeriods(), running, new PublicProfilesFromIdentity(stores.users()),
                studyDays, clock);
        return new StudyTimeContext(sessions, boards, stats, goals, today, reports, userRankings);
    }
}
