package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import kr.co.stupy.shared.UserId;

/**
 * Study seconds summed per (user, study day), for the configured zone and day start, so a year of a
 * user's statistics reads one total per day instead of every session. Totals are raw sums of the
 * sessions' day pieces; the sixteen-hour cap is applied by the reader, because it is a rule about the
 * sum, not about one session. Every change is an atomic increment of single totals.
 */
public interface UserDayTotals extends RebuiltFromLedger<UserDayTotals.Totals> {

    /** Adds one finished session's seconds per study day to its user; negative takes them back. */
    void add(UserId userId, SortedMap<LocalDate, Long> secondsByDay);

    /** The user's summed seconds per day in {@code [first, last]}; days without study are absent. */
    SortedMap<LocalDate, Long> ofUser(UserId userId, LocalDate first, LocalDate last);

    /** A key of one total: a user's id and a study day. */
    record UserDay(String userId, LocalDate day) {
        public UserDay {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(day, "day");
        }
    }

    /** Every user's day totals, zero totals left out, so two sets of totals compare with {@code equals}. */
    record Totals(Map<UserDay, Long> days) {
        public Totals {
            days = DayTotals.nonZero(days);
        }
    }
}
