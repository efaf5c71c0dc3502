package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * What room leaderboards read in the configured zone: raw seconds per (room, user, study day), and
 * per (room, user) week, month and all-time totals that already hold the sixteen-hour cap of each day
 * (a leaderboard caps a member's day in that room, and a capped sum over a month cannot be capped
 * again afterwards). {@link #add} keeps them capped with {@link #cappedChange}: each increment of a
 * member's day learns the day's new raw sum and passes on only what that moved the capped day by, so
 * concurrent increments still sum to the capped total. A rebuild derives the period totals from the
 * day totals ({@link Totals#derived}).
 */
public interface MemberTotals extends RebuiltFromLedger<MemberTotals.Totals> {

    /** The buckets kept per room member; a day is read from the member's day total, all time has a key of its own. */
    List<StudyPeriod> PERIODS = List.of(StudyPeriod.WEEK, StudyPeriod.MONTH);

    /**
     * Adds one finished session's seconds per study day to its user as a member of its room, and what
     * that moved each capped day by to the week, month and all-time totals; negative takes them back.
     */
    void add(UserId userId, RoomId roomId, SortedMap<LocalDate, Long> secondsByDay);

    /**
     * Raw summed seconds of the given members in the room on the given study days (not capped: the
     * caller adds the running session first); members and days without study are absent. Reads
     * members × days totals by key, so callers keep both small.
     */
    Map<UserId, SortedMap<LocalDate, Long>> ofMemberDays(RoomId roomId, Collection<UserId> members, Collection<LocalDate> days);

    /**
     * Each member's seconds in the room in a week or month bucket, or all time when {@code bucket} is
     * empty, every day already capped at sixteen hours; members without study are absent. One total per member.
     */
    Map<UserId, Long> ofMembers(RoomId roomId, Collection<UserId> members, Optional<PeriodBucket> bucket);

    /** Forgets every member total of a deleted room. */
    void deleteRoom(RoomId roomId);

    /** Every member total a study day's capped seconds count towards: its week, its month and all time. */
    static List<Optional<PeriodBucket>> bucketsContaining(LocalDate studyDay) {
        return List.of(Optional.of(PeriodBucket.containing(StudyPeriod.WEEK, studyDay)),
                Optional.of(PeriodBucket.containing(StudyPeriod.MONTH, studyDay)), Optional.empty());
    }

    /** One day of one member as a leaderboard counts it: no more than sixteen hours. */
    static long capped(long daySeconds) {
        return Math.min(daySeconds, StudyRules.MAX_PER_DAY.toSeconds());
    }

    /**
     * How much adding {@code added} seconds, which made a member's day {@code after}, moved the capped
     * day. Increments of one day are applied one after another by the store, so these changes telescope
     * to exactly the capped day, however many nodes add at once.
     */
    static long cappedChange(long after, long added) {
        return capped(after) - capped(after - added);
    }

    /** A key of one member's raw seconds in one room on one study day. */
    record MemberDayKey(String roomId, String userId, LocalDate day) {
        public MemberDayKey {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(day, "day");
        }
    }

    /** A key of one member's capped seconds in one room in a week or month bucket, or all time when {@code bucket} is empty. */
    record MemberPeriodKey(String roomId, String userId, Optional<PeriodBucket> bucket) {
        public MemberPeriodKey {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(bucket, "bucket");
            if (bucket.filter(b -> !PERIODS.contains(b.period())).isPresent()) {
                throw new IllegalArgumentException("a member's day is read from its day total, not kept as a bucket");
            }
        }
    }

    /**
     * Member day and period totals, zero totals left out, so two sets of totals compare with
     * {@code equals}. The period totals are stored apart from the day totals they sum, so stored totals
     * carry both and can disagree; totals computed from the ledger derive them.
     */
    record Totals(Map<MemberDayKey, Long> days, Map<MemberPeriodKey, Long> periods) {
        public Totals {
            days = DayTotals.nonZero(days);
            periods = DayTotals.nonZero(periods);
        }

        /** Member day totals with the period totals they make: what a ledger makes. */
        public static Totals derived(Map<MemberDayKey, Long> days) {
            return new Totals(days, periodsOf(days));
        }

        /** Each member's capped day totals summed into the week, month and all-time totals holding the day. */
        public static Map<MemberPeriodKey, Long> periodsOf(Map<MemberDayKey, Long> memberDays) {
            return DayTotals.summedInto(memberDays, day -> bucketsContaining(day.day()),
                    (day, bucket) -> new MemberPeriodKey(day.roomId(), day.userId(), bucket), MemberTotals::capped);
        }
    }
}
