package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudyStats;

/** Lets tests of other packages compare statistics from the roll-ups with the ledger's own. */
public final class StudyStatsServiceAccess {

    private StudyStatsServiceAccess() {
    }

    public static StudyStatsService create(StudyLedger ledger, StudyRollups rollups, RunningSessions running, StudyDayPolicy policy,
                                           Clock clock) {
        return new StudyStatsService(ledger, rollups, running, MapRoomTotals.none(), policy, clock);
    }

    public static StudyStats fromLedger(StudyStatsService stats, UserId user, Optional<LocalDate> from, Optional<LocalDate> to,
                                        ZoneId zone) {
        return stats.statsFromLedger(user, from, to, zone);
    }
}
