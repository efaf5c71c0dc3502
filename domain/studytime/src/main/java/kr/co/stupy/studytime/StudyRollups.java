package kr.co.stupy.studytime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The read models a finished study session is rolled up into, each a port of its own, so that
 * statistics, rankings and leaderboards read a handful of totals instead of every session the
 * ledger holds. All of them are derived from the ledger and can be rebuilt from it:
 * <ul>
 *   <li>{@link UserDayTotals}: a user's seconds per study day in the configured zone (statistics);</li>
 *   <li>{@link RoomPeriodTotals}: a room's seconds per study day and per day, week and month bucket (rankings);</li>
 *   <li>{@link MemberTotals}: a room member's seconds per study day and capped per week, month and all time
 *       (room leaderboards);</li>
 *   <li>{@link UserQuarterHours} and {@link MemberQuarterHours}: the same study per UTC quarter hour, for
 *       statistics and leaderboards in a zone other than the configured one;</li>
 *   <li>{@link UserPeriodTotals}: a user's seconds per day, week and month bucket, each day capped (user rankings).</li>
 * </ul>
 * Finishing a session adds it to each, one port after another; each addition is atomic increments of
 * single totals, so nodes finishing sessions at once never lose a second. A crash between two of
 * them leaves the later ones short of that session until a rebuild from the ledger, as a crash
 * between ending a session and rolling it up always did.
 */
public record StudyRollups(UserDayTotals userDays, RoomPeriodTotals roomPeriods, MemberTotals memberTotals,
                           UserQuarterHours userQuarters, MemberQuarterHours memberQuarters, UserPeriodTotals userPeriods) {

    public StudyRollups {
        if (userDays == null || roomPeriods == null || memberTotals == null || userQuarters == null || memberQuarters == null
                || userPeriods == null) {
            throw new NullPointerException("a finished session is rolled up into every read model, so each one is needed");
        }
    }

    /**
     * What a finished session adds per study day: nothing under the five-second minimum, otherwise
     * its span split at day starts exactly as {@link DailyStudy} splits it, so roll-ups and a
     * computation from sessions agree to the second.
     */
    public static SortedMap<LocalDate, Long> piecesOf(StudySession session, StudyDayPolicy policy) {
        if (session.isOpen()) {
            throw new IllegalArgumentException("only a finished session is rolled up");
        }
        Instant end = session.endedAt().orElseThrow();
        if (session.counted(end).isZero()) {
            return new TreeMap<>();
        }
        return policy.split(session.startedAt(), end);
    }
}
