package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.UserDayTotals;
import kr.co.stupy.studytime.UserPeriodTotals;

/**
 * Every day, bucket and member total the roll-ups hold, read at once, so a test compares the totals
 * before and after a rebuild with one {@code equals}.
 */
public record RollupTotals(UserDayTotals.Totals users, RoomPeriodTotals.Totals rooms, MemberTotals.Totals members,
                           UserPeriodTotals.Totals userPeriods) {

    public static RollupTotals of(StudyRollups rollups) {
        return new RollupTotals(rollups.userDays().all(), rollups.roomPeriods().all(), rollups.memberTotals().all(),
                rollups.userPeriods().all());
    }
}
