package kr.co.stupy.studytime;

import java.time.Instant;
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
 * Study seconds summed per (user, study day), per (room, study day) and per (room, day/week/month
 * bucket), for the configured zone and day start, so a year of statistics reads one total per day
 * and a period ranking reads one bucket instead of every session or every room's every day.
 * Totals are raw sums of the sessions' day pieces; the sixteen-hour cap is applied by the reader,
 * because it is a rule about the sum, not about one session. Every change is atomic increments of
 * single totals, so nodes finishing sessions at once never lose a second. The bucket totals are the
 * room-day totals summed per bucket: {@link Totals#Totals(Map, Map)} derives them, so a rebuild
 * restores and checks them as well.
 * <p>
 * Room leaderboards read per room-member totals: raw seconds per (room, user, study day), and per
 * (room, user) week, month and all-time totals that already hold the sixteen-hour cap of each day
 * (a leaderboard caps a member's day in that room, and a capped sum over a month cannot be capped
 * again afterwards). {@link #add} keeps them capped with {@link #cappedChange}: each increment of a
 * member's day learns the day's new raw sum and passes on only what that moved the capped day by, so
 * concurrent increments still sum to the capped total.
 * <p>
 * All of these are kept in the configured zone's study days. A zone abroad splits sessions at other
 * instants, so statistics and room leaderboards there read {@link QuarterHours} instead, kept per user
 * and per room member: a board in another zone sums a handful of members' quarters into that zone's
 * study days and caps them, instead of reading every session the room ever had.
 */
public interface StudyRollups {

    /**
     * Adds one finished session's seconds per study day to its user, its room and the room's day, week
     * and month buckets; negative takes them back.
     */
    void add(UserId userId, RoomId roomId, SortedMap<LocalDate, Long> secondsByDay);

    /**
     * Adds one finished session's {@link QuarterHours#of quarter hours} to its user and to the user as
     * a member of its room (negative takes them back): what statistics and room leaderboards in a zone
     * other than the configured one read.
     */
    void addQuarters(UserId userId, RoomId roomId, QuarterHours quarters);

    /** The user's quarter hours stored under the UTC dates {@code [firstUtcDate, lastUtcDate]} (a correction under its first quarter's date). */
    QuarterHours quartersOfUser(UserId userId, LocalDate firstUtcDate, LocalDate lastUtcDate);

    /**
     * The members' quarter hours in the room stored under the UTC dates {@code [firstUtcDate, lastUtcDate]};
     * members without any are absent. Reads at most members × dates by key, so callers keep both small
     * (a board: ten members, a month's dates at most).
     */
    Map<UserId, QuarterHours> quartersOfMembers(RoomId roomId, Collection<UserId> members, LocalDate firstUtcDate, LocalDate lastUtcDate);

    /**
     * Every quarter hour the members have in the room, for an all-time board in another zone: which
     * UTC dates a member studied on is not known beforehand, so implementations keep the dates of each
     * member and read only those, never another member's or another room's.
     */
    Map<UserId, QuarterHours> allQuartersOfMembers(RoomId roomId, Collection<UserId> members);

    /** Every user's quarter hours, by user id, for comparing with a rebuild from the ledger. */
    Map<String, QuarterHours> allQuarters();

    /** Replaces every user's quarter hours: the rebuild. */
    void replaceAllQuarters(Map<String, QuarterHours> byUser);

    /** Every room member's quarter hours as a board would read them, for comparing with a rebuild from the ledger. */
    Map<MemberKey, QuarterHours> allMemberQuarters();

    /** Replaces every room member's quarter hours: the rebuild. */
    void replaceAllMemberQuarters(Map<MemberKey, QuarterHours> byMember);

    /** The user's summed seconds per day in {@code [first, last]}; days without study are absent. */
    SortedMap<LocalDate, Long> ofUser(UserId userId, LocalDate first, LocalDate last);

    /** Each room's seconds in one day, week or month; rooms without study in it are absent. */
    Map<RoomId, Long> ofRooms(PeriodBucket bucket);

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

    /**
     * Forgets the per-day, per-bucket and per-member totals and the members' quarter hours of a deleted
     * room (its users' totals and quarter hours are taken back by the caller).
     */
    void deleteRoom(RoomId roomId);

    /** Every non-zero total, for comparing with a rebuild from the ledger. */
    Totals all();

    /** Replaces every total with {@code totals}: the rebuild. */
    void replaceAll(Totals totals);

    /** A key of one total: a user's or a room's id and a study day. */
    record DayKey(String ownerId, LocalDate day) {
        public DayKey {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(day, "day");
        }
    }

    /** A key of one bucket total: a room's seconds in one day, week or month. */
    record BucketKey(PeriodBucket bucket, String roomId) {
        public BucketKey {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(roomId, "roomId");
        }
    }

    /** A key of one member's raw seconds in one room on one study day. */
    record MemberDayKey(String roomId, String userId, LocalDate day) {
        public MemberDayKey {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(day, "day");
        }
    }

    /** A user as a member of one room: whose quarter hours a board in another zone reads. */
    record MemberKey(String roomId, String userId) {
        public MemberKey {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** A key of one member's capped seconds in one room in a week or month bucket, or all time when {@code bucket} is empty. */
    record MemberPeriodKey(String roomId, String userId, Optional<PeriodBucket> bucket) {
        public MemberPeriodKey {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(bucket, "bucket");
            if (bucket.filter(b -> !MEMBER_PERIODS.contains(b.period())).isPresent()) {
                throw new IllegalArgumentException("a member's day is read from its day total, not kept as a bucket");
            }
        }
    }

    /** The buckets kept per room member; a day is read from the member's day total, all time has a key of its own. */
    List<StudyPeriod> MEMBER_PERIODS = List.of(StudyPeriod.WEEK, StudyPeriod.MONTH);

    /** Every member total a study day's capped seconds count towards: its week, its month and all time. */
    static List<Optional<PeriodBucket>> memberBucketsContaining(LocalDate studyDay) {
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

    /**
     * All totals, zero totals left out, so two sets of totals compare with {@code equals}. The bucket
     * totals are stored apart from the room-day totals they sum, and the member period totals apart
     * from the member day totals, so stored totals carry both and can disagree; totals computed from
     * the ledger derive them.
     */
    record Totals(Map<DayKey, Long> users, Map<DayKey, Long> rooms, Map<BucketKey, Long> buckets,
                  Map<MemberDayKey, Long> memberDays, Map<MemberPeriodKey, Long> memberPeriods) {
        public Totals {
            users = nonZero(users);
            rooms = nonZero(rooms);
            buckets = nonZero(buckets);
            memberDays = nonZero(memberDays);
            memberPeriods = nonZero(memberPeriods);
        }

        /** Day and bucket totals without any member totals. */
        public Totals(Map<DayKey, Long> users, Map<DayKey, Long> rooms, Map<BucketKey, Long> buckets) {
            this(users, rooms, buckets, Map.of(), Map.of());
        }

        /** Day totals with the bucket totals they make, without any member totals. */
        public Totals(Map<DayKey, Long> users, Map<DayKey, Long> rooms) {
            this(users, rooms, bucketsOf(rooms));
        }

        /** Day totals, member day totals, and the bucket and member period totals they make: what a ledger makes. */
        public static Totals derived(Map<DayKey, Long> users, Map<DayKey, Long> rooms, Map<MemberDayKey, Long> memberDays) {
            return new Totals(users, rooms, bucketsOf(rooms), memberDays, memberPeriodsOf(memberDays));
        }

        /** Each member's capped day totals summed into the week, month and all-time totals holding the day. */
        public static Map<MemberPeriodKey, Long> memberPeriodsOf(Map<MemberDayKey, Long> memberDays) {
            Map<MemberPeriodKey, Long> periods = new java.util.HashMap<>();
            memberDays.forEach((key, seconds) -> {
                for (Optional<PeriodBucket> bucket : memberBucketsContaining(key.day())) {
                    periods.merge(new MemberPeriodKey(key.roomId(), key.userId(), bucket), capped(seconds), Long::sum);
                }
            });
            return periods;
        }

        /** Each room's day totals summed into the day, week and month buckets holding the day. */
        public static Map<BucketKey, Long> bucketsOf(Map<DayKey, Long> roomDays) {
            Map<BucketKey, Long> buckets = new java.util.HashMap<>();
            roomDays.forEach((key, seconds) -> {
                for (PeriodBucket bucket : PeriodBucket.allContaining(key.day())) {
                    buckets.merge(new BucketKey(bucket, key.ownerId()), seconds, Long::sum);
                }
            });
            return buckets;
        }

        private static <K> Map<K, Long> nonZero(Map<K, Long> totals) {
            Map<K, Long> kept = new java.util.HashMap<>();
            totals.forEach((key, seconds) -> {
                if (seconds != 0) {
                    kept.put(key, seconds);
                }
            });
            return Map.copyOf(kept);
        }
    }

    /**
     * What a finished session adds per study day: nothing under the five-second minimum, otherwise
     * its span split at day starts exactly as {@link DailyStudy} splits it, so roll-ups and a
     * computation from sessions agree to the second.
     */
    static SortedMap<LocalDate, Long> piecesOf(StudySession session, StudyDayPolicy policy) {
        if (session.isOpen()) {
            throw new IllegalArgumentException("only a finished session is rolled up");
        }
        Instant end = session.endedAt().orElseThrow();
        if (session.counted(end).isZero()) {
            return new java.util.TreeMap<>();
        }
        return policy.split(session.startedAt(), end);
    }
}
