package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import kr.co.stupy.shared.UserId;

/**
 * What the user ranking reads, in the configured zone: each user's seconds in each day, week and month
 * bucket, every study day already capped at sixteen hours (a ranking counts a user's day as statistics
 * do, and a capped sum over a week cannot be capped again afterwards), so a ranking reads the top of one
 * bucket and counts users above a number of seconds in it, however many users and however long the
 * history. Next to them the raw (uncapped) seconds per (user, study day), which keep the buckets capped
 * exactly: {@link #add} learns each day's new raw sum from every increment and passes on only what that
 * moved the capped day by ({@link MemberTotals#cappedChange}), so concurrent increments still sum to the
 * capped totals. Every change is atomic increments of single totals. A rebuild derives the buckets from
 * the raw days ({@link Totals#derived}).
 */
public interface UserPeriodTotals extends RebuiltFromLedger<UserPeriodTotals.Totals> {

    /**
     * Adds one finished session's seconds per study day to its user, and what that moved each capped day
     * by to the user's day, week and month buckets; negative takes them back.
     */
    void add(UserId userId, SortedMap<LocalDate, Long> secondsByDay);

    /**
     * The {@code limit} users with the most seconds in the bucket, most first, equal seconds in user id
     * order; users without study in it are left out.
     */
    List<UserSeconds> top(PeriodBucket bucket, int limit);

    /** How many users have more than {@code seconds} in the bucket. */
    long countAbove(PeriodBucket bucket, long seconds);

    /** How many users studied in the bucket: those with more than nothing in it. */
    default long count(PeriodBucket bucket) {
        return countAbove(bucket, 0);
    }

    /** The seconds of each of {@code users} in the bucket; users without study in it are absent. One read by key per user. */
    Map<UserId, Long> ofUsers(PeriodBucket bucket, Collection<UserId> users);

    /**
     * Raw summed seconds of the given users on the given study days (not capped: a ranking adds the running
     * session first, then caps the day); users and days without study are absent.
     */
    Map<UserId, SortedMap<LocalDate, Long>> ofUserDays(Collection<UserId> users, Collection<LocalDate> days);

    /** A user's seconds in one bucket, as a ranking lists them. */
    record UserSeconds(UserId userId, long seconds) {
        public UserSeconds {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** A key of one raw day total: a user's id and a study day. */
    record UserDay(String userId, LocalDate day) {
        public UserDay {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(day, "day");
        }
    }

    /** A key of one bucket total: a user's capped seconds in one day, week or month. */
    record BucketKey(PeriodBucket bucket, String userId) {
        public BucketKey {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * Raw day totals and capped bucket totals, zero totals left out, so two sets of totals compare with
     * {@code equals}. The buckets are stored apart from the days they sum, so stored totals carry both and
     * can disagree; totals computed from the ledger derive them.
     */
    record Totals(Map<UserDay, Long> days, Map<BucketKey, Long> buckets) {
        public Totals {
            days = DayTotals.nonZero(days);
            buckets = DayTotals.nonZero(buckets);
        }

        /** Raw user-day totals with the capped buckets they make: what a ledger makes. */
        public static Totals derived(Map<UserDay, Long> days) {
            return new Totals(days, bucketsOf(days));
        }

        /** Each user's days, each capped at sixteen hours, summed into the day, week and month buckets holding the day. */
        public static Map<BucketKey, Long> bucketsOf(Map<UserDay, Long> userDays) {
            return DayTotals.summedInto(userDays, day -> PeriodBucket.allContaining(day.day()),
                    (day, bucket) -> new BucketKey(bucket, day.userId()), MemberTotals::capped);
        }
    }
}
