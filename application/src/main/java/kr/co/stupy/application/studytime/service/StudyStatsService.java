package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import kr.co.stupy.application.studytime.port.in.ForgetRoomStudyUseCase;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.studytime.port.in.RoomRankingQuery;
import kr.co.stupy.application.studytime.port.in.StudyStatsQuery;
import kr.co.stupy.application.studytime.port.out.AllTimeRoomTotals;
import kr.co.stupy.application.studytime.port.out.RunningSessions.RunningSession;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberQuarterHours;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyStats;
import kr.co.stupy.studytime.UserDayTotals;

/**
 * Statistics and rankings from the per-day roll-ups. The roll-ups are kept for the configured zone
 * and day start, so a user's statistics in that zone read at most one total per day (plus the
 * session running now, from presence); in any other zone the study days fall elsewhere, and they
 * are summed from the user's seconds per UTC quarter hour instead ({@link QuarterHours}), or, when
 * that zone's study days do not begin on quarter hours, computed from the user's sessions in the range. Rankings only ever use the
 * configured zone, so they always read roll-ups: the one day, week or month bucket running now.
 */
public final class StudyStatsService implements StudyStatsQuery, RoomRankingQuery, RebuildRollupsUseCase, ForgetRoomStudyUseCase {

    static final int DEFAULT_RANGE_DAYS = 30;
    static final int MAX_RANGE_DAYS = 366;

    private final StudyLedger ledger;
    private final StudyRollups rollups;
    private final RunningSessions runningSessions;
    private final AllTimeRoomTotals allTime;
    private final StudyDayPolicy policy;
    private final Clock clock;

    public StudyStatsService(StudyLedger ledger, StudyRollups rollups, RunningSessions runningSessions, AllTimeRoomTotals allTime,
                             StudyDayPolicy policy, Clock clock) {
        this.ledger = ledger;
        this.rollups = rollups;
        this.runningSessions = runningSessions;
        this.allTime = allTime;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public StudyStats stats(UserId userId, Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone) {
        return stats(userId, from, to, zone, false);
    }

    /** The statistics computed from the ledger, whatever the zone: what the roll-ups must answer; for tests. */
    StudyStats statsFromLedger(UserId userId, Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone) {
        return stats(userId, from, to, zone, true);
    }

    private StudyStats stats(UserId userId, Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone, boolean fromLedgerOnly) {
        Instant now = clock.instant();
        StudyDayPolicy local = policy.inZone(zone);
        LocalDate today = local.dayOf(now);
        LocalDate last = to.orElse(today);
        LocalDate first = from.orElse(last.minusDays(DEFAULT_RANGE_DAYS - 1));
        if (first.isAfter(last)) {
            throw InvalidInputException.of("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_RANGE_DAYS) {
            throw InvalidInputException.of("to", "a range holds at most " + MAX_RANGE_DAYS + " days");
        }
        BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> history = fromLedgerOnly
                ? (a, b) -> fromLedger(userId, local, now, a, b)
                : policy.sameDaysIn(zone)
                ? (a, b) -> withRunningSession(rollups.userDays().ofUser(userId, a, b), userId, local, now, a, b)
                : (a, b) -> QuarterHours.fits(local, a, b)
                        ? withRunningSession(fromQuarters(userId, local, a, b), userId, local, now, a, b)
                        : fromLedger(userId, local, now, a, b);
        return StudyStats.of(first, last, today, history);
    }

    /** The session running now is not rolled up yet: it counts from its start to now, as the leaderboard counts it. */
    private SortedMap<LocalDate, Long> withRunningSession(SortedMap<LocalDate, Long> days, UserId userId, StudyDayPolicy local,
                                                         Instant now, LocalDate first, LocalDate last) {
        Optional<RunningSession> running = runningSessions.ofUser(userId);
        if (running.isEmpty()) {
            return days;
        }
        SortedMap<LocalDate, Long> pieces = LeaderboardService.runningPieces(running.get(), local, now);
        if (pieces.isEmpty()) {
            return days;
        }
        SortedMap<LocalDate, Long> merged = new TreeMap<>(days);
        pieces.forEach((day, seconds) -> {
            if (!day.isBefore(first) && !day.isAfter(last)) {
                merged.merge(day, seconds, Long::sum);
            }
        });
        return merged;
    }

    /** Another zone whose study days begin on quarter hours: the user's quarter hours of the UTC dates the range covers. */
    private SortedMap<LocalDate, Long> fromQuarters(UserId userId, StudyDayPolicy local, LocalDate first, LocalDate last) {
        return rollups.userQuarters().ofUser(userId, QuarterHours.firstUtcDate(local, first), QuarterHours.lastUtcDate(local, last))
                .byDay(local, first, last);
    }

    /**
     * Another zone whose study days do not begin on quarter hours (a day start such as 05:10, or a
     * zone's old offset in odd minutes): the user's sessions in the range, split into that zone's study days.
     */
    private SortedMap<LocalDate, Long> fromLedger(UserId userId, StudyDayPolicy local, Instant now, LocalDate first, LocalDate last) {
        Optional<String> running = runningSessions.ofUser(userId).map(RunningSession::sessionId);
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        for (StudySession session : ledger.ofUser(userId, local.startOf(first), local.startOf(last.plusDays(1)))) {
            // An open session nobody holds belongs to a node that died: it counts to its last heartbeat, as the reaper will end it.
            Instant end = session.endedAt().orElse(running.filter(session.id()::equals).isPresent() ? now : session.lastHeartbeatAt());
            StudySession counted = new StudySession(session.id(), userId, session.roomId(), session.startedAt(),
                    end.isBefore(session.lastHeartbeatAt()) ? session.lastHeartbeatAt() : end, Optional.of(end));
            StudyRollups.piecesOf(counted, local).forEach((day, seconds) -> {
                if (!day.isBefore(first) && !day.isAfter(last)) {
                    days.merge(day, seconds, Long::sum);
                }
            });
        }
        return days;
    }

    @Override
    public List<RankedRoom> ranking(StudyPeriod period, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        List<Map.Entry<RoomId, Long>> totals = new ArrayList<>();
        if (period == StudyPeriod.ALL) {
            // All time: the rooms' own totals, so this list and every room's rank field are one ranking.
            allTime.mostStudied(limit).forEach(t -> totals.add(Map.entry(t.roomId(), t.totalStudySeconds())));
        } else {
            totals.addAll(rollups.roomPeriods().ofRooms(PeriodBucket.around(period, clock.instant(), policy)).entrySet());
            totals.sort(Map.Entry.<RoomId, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(e -> e.getKey().value(), Comparator.reverseOrder()));
        }
        List<RankedRoom> ranked = new ArrayList<>();
        long rank = 0;
        long previous = -1;
        for (int i = 0; i < totals.size() && ranked.size() < limit; i++) {
            long seconds = totals.get(i).getValue();
            if (seconds <= 0) {
                break;
            }
            if (seconds != previous) {
                rank = i + 1;   // equal times share a rank; the next time's rank counts everyone ahead of it
                previous = seconds;
            }
            ranked.add(new RankedRoom(rank, totals.get(i).getKey(), seconds));
        }
        return ranked;
    }

    @Override
    public Report rebuild() {
        Map<UserDayTotals.UserDay, Long> users = new HashMap<>();
        Map<RoomPeriodTotals.RoomDay, Long> rooms = new HashMap<>();
        Map<MemberTotals.MemberDayKey, Long> members = new HashMap<>();
        QuarterHours.Sums<String> userQuarterSums = new QuarterHours.Sums<>();
        QuarterHours.Sums<MemberQuarterHours.MemberKey> memberQuarterSums = new QuarterHours.Sums<>();
        long[] sessions = {0};
        ledger.forEachFinished(session -> {
            sessions[0]++;
            QuarterHours mine = QuarterHours.of(session);
            userQuarterSums.add(session.userId().value(), mine);
            memberQuarterSums.add(new MemberQuarterHours.MemberKey(session.roomId().value(), session.userId().value()), mine);
            StudyRollups.piecesOf(session, policy).forEach((day, seconds) -> {
                users.merge(new UserDayTotals.UserDay(session.userId().value(), day), seconds, Long::sum);
                rooms.merge(new RoomPeriodTotals.RoomDay(session.roomId().value(), day), seconds, Long::sum);
                members.merge(new MemberTotals.MemberDayKey(session.roomId().value(), session.userId().value(), day), seconds, Long::sum);
            });
        });
        // Derives the room buckets and the members' capped week, month and all-time totals.
        UserDayTotals.Totals expectedUsers = new UserDayTotals.Totals(users);
        RoomPeriodTotals.Totals expectedRooms = RoomPeriodTotals.Totals.derived(rooms);
        MemberTotals.Totals expectedMembers = MemberTotals.Totals.derived(members);
        UserDayTotals.Totals storedUsers = rollups.userDays().all();
        RoomPeriodTotals.Totals storedRooms = rollups.roomPeriods().all();
        MemberTotals.Totals storedMembers = rollups.memberTotals().all();
        int differing = differences(expectedUsers.days(), storedUsers.days()) + differences(expectedRooms.days(), storedRooms.days());
        int bucketsDiffering = differences(expectedRooms.buckets(), storedRooms.buckets());
        int membersDiffering = differences(expectedMembers.days(), storedMembers.days())
                + differences(expectedMembers.periods(), storedMembers.periods());
        Map<String, QuarterHours> quarters = userQuarterSums.totals();
        int quartersDiffering = quarterDifferences(quarters, rollups.userQuarters().all());
        Map<MemberQuarterHours.MemberKey, QuarterHours> memberQuarters = memberQuarterSums.totals();
        int memberQuartersDiffering = quarterDifferences(memberQuarters, rollups.memberQuarters().all());
        if (differing > 0 || bucketsDiffering > 0 || membersDiffering > 0) {
            rollups.userDays().replaceAll(expectedUsers);
            rollups.roomPeriods().replaceAll(expectedRooms);
            rollups.memberTotals().replaceAll(expectedMembers);
        }
        if (quartersDiffering > 0) {
            rollups.userQuarters().replaceAll(quarters);
        }
        if (memberQuartersDiffering > 0) {
            rollups.memberQuarters().replaceAll(memberQuarters);
        }
        boolean matches = (differing == 0 && bucketsDiffering == 0 && membersDiffering == 0
                || rollups.userDays().all().equals(expectedUsers) && rollups.roomPeriods().all().equals(expectedRooms)
                        && rollups.memberTotals().all().equals(expectedMembers))
                && (quartersDiffering == 0 || rollups.userQuarters().all().equals(quarters))
                && (memberQuartersDiffering == 0 || rollups.memberQuarters().all().equals(memberQuarters));
        return new Report(sessions[0], expectedUsers.days().size(), expectedRooms.days().size(), expectedRooms.buckets().size(),
                expectedMembers.days().size(), expectedMembers.periods().size(), quarterCount(quarters), quarterCount(memberQuarters),
                differing, bucketsDiffering, membersDiffering, quartersDiffering, memberQuartersDiffering, matches);
    }

    /** Quarters and corrections, over every owner. */
    private static int quarterCount(Map<?, QuarterHours> byOwner) {
        return byOwner.values().stream().mapToInt(q -> q.seconds().size() + q.corrections().size()).sum();
    }

    /** Quarters and corrections that are missing, extra or different, over every owner (a user, or a room member). */
    private static <K> int quarterDifferences(Map<K, QuarterHours> expected, Map<K, QuarterHours> stored) {
        java.util.Set<K> owners = new java.util.HashSet<>(expected.keySet());
        owners.addAll(stored.keySet());
        int differing = 0;
        for (K owner : owners) {
            QuarterHours want = expected.getOrDefault(owner, QuarterHours.NONE);
            QuarterHours have = stored.getOrDefault(owner, QuarterHours.NONE);
            differing += differences(want.seconds(), have.seconds()) + differences(want.corrections(), have.corrections());
        }
        return differing;
    }

    private static <K> int differences(Map<K, Long> expected, Map<K, Long> stored) {
        int differing = 0;
        for (Map.Entry<K, Long> total : expected.entrySet()) {
            if (!total.getValue().equals(stored.get(total.getKey()))) {
                differing++;
            }
        }
        for (K key : stored.keySet()) {
            if (!expected.containsKey(key)) {
                differing++;
            }
        }
        return differing;
    }

    /** Its users' totals give back what the room's finished sessions added, before the ledger forgets them. */
    @Override
    public void forgetRoom(RoomId roomId) {
        for (StudySession session : ledger.inRoom(roomId, Instant.EPOCH, clock.instant().plusSeconds(1))) {
            if (!session.isOpen()) {
                SortedMap<LocalDate, Long> back = new TreeMap<>();
                StudyRollups.piecesOf(session, policy).forEach((day, seconds) -> back.put(day, -seconds));
                if (!back.isEmpty()) {
                    rollups.userDays().add(session.userId(), back);
                    rollups.userQuarters().add(session.userId(), QuarterHours.of(session).negated());
                }
            }
        }
        rollups.roomPeriods().deleteRoom(roomId);
        rollups.memberTotals().deleteRoom(roomId);
        rollups.memberQuarters().deleteRoom(roomId);
        ledger.deleteRoom(roomId);
    }
}
