package kr.co.stupy.bootstrap.wiring;

import java.time.Clock;
import kr.co.stupy.application.integration.PresenceRunningSessions;
import kr.co.stupy.application.integration.RoomsStudyTotals;
import kr.co.stupy.application.live.port.in.LivePresenceQuery;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.studytime.service.LeaderboardService;
import kr.co.stupy.application.studytime.service.StudySessionService;
import kr.co.stupy.application.studytime.service.StudyStatsService;
import kr.co.stupy.studytime.StudyDayPolicy;

/** Study time: the sessions live rooms record, the boards, statistics and rankings read from them. */
public record StudyTimeContext(StudySessionService sessions, LeaderboardService boards, StudyStatsService stats) {

    /** {@code live}: who is live now, whose running sessions every figure includes. */
    public static StudyTimeContext wire(Stores stores, LivePresenceQuery live, RoomRosterQuery rosters, StudyDayPolicy studyDays,
                                        Clock clock) {
        var running = new PresenceRunningSessions(live);
        var roomTotals = new RoomsStudyTotals(stores.rooms());
        var sessions = new StudySessionService(stores.ledger(), roomTotals, stores.rollups(), running, studyDays, clock);
        var boards = new LeaderboardService(stores.ledger(), stores.rollups().memberTotals(), stores.rollups().memberQuarters(), running,
                stores.users(), rosters, studyDays, clock);
        var stats = new StudyStatsService(stores.ledger(), stores.rollups(), running, roomTotals, studyDays, clock);
        return new StudyTimeContext(sessions, boards, stats);
    }
}
