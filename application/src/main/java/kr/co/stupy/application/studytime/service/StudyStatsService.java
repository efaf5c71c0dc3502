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
import kr.co.stupy.application.studytime.port.in.RoomRankingQuery;
import kr.co.stupy.application.studytime.port.in.StudyStatsQuery;
import kr.co.stupy.application.studytime.port.out.AllTimeRoomTotals;
import kr.co.stupy.application.studytime.port.out.RunningSessions.RunningSession;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyStudy;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyStats;

/**
 * Statistics and rankings from the per-day roll-ups. The roll-ups are kept for the configured zone
 * and day start, so a user's statistics in that zone read at most one total per day (plus the
 * session running now, from presence); in any other zone the study days fall elsewhere, and they
 * are summed from the user's seconds per UTC quarter hour instead ({@link QuarterHours}), or, when
 * that zone's study days do not begin on quarter hours, computed from the user's sessions in the range. Rankings only ever use the
 * configured zone, so they always read roll-ups: the one day, week or month bucket running now.
 */
public final class StudyStatsService implements StudyStatsQuery, RoomRankingQuery, ForgetRoomStudyUseCase {

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
        Instant now = clock.instant();
        DayRange range = range(from, to, policy.inZone(zone).dayOf(now));
        return StudyStats.of(range.first(), range.last(), policy.inZone(zone).dayOf(now), history(userId, zone, now, false));
    }

    /** The statistics computed from the ledger, whatever the zone: what the roll-ups must answer; for tests. */
    StudyStats statsFromLedger(UserId userId, Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone) {
        Instant now = clock.instant();
        DayRange range = range(from, to, policy.inZone(zone).dayOf(now));
        return StudyStats.of(range.first(), range.last(), policy.inZone(zone).dayOf(now), history(userId, zone, now, true));
    }

    /** The study days asked for: without {@code to} the range ends today, without {@code from} it is the 30 days to {@code to}. */
    record DayRange(LocalDate first, LocalDate last) {
    }

    static DayRange range(Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today) {
        LocalDate last = to.orElse(today);
        LocalDate first = from.orElse(last.minusDays(DEFAULT_RANGE_DAYS - 1));
        if (first.isAfter(last)) {
            throw InvalidInputException.of("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_RANGE_DAYS) {
            throw InvalidInputException.of("to", "a range holds at most " + MAX_RANGE_DAYS + " days");
        }
        return new DayRange(first, last);
    }

    BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> history(UserId userId, ZoneId zone, Instant now, boolean fromLedgerOnly) {
        return history(userId, runningSessions.ofUser(userId), zone, now, fromLedgerOnly);
    }

    /**
     * The user's summed seconds per study day of {@code zone} for any span of days, the session {@code running}
     * now counted to {@code now} (presence is read once by the caller, so every span is of one instant):
     * from the roll-ups (or their quarter hours), or from the ledger alone.
     */
    BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> history(UserId userId, Optional<RunningSession> running, ZoneId zone,
                                                                         Instant now, boolean fromLedgerOnly) {
        StudyDayPolicy local = policy.inZone(zone);
        return fromLedgerOnly
                ? (a, b) -> fromLedger(userId, running, local, now, a, b)
                : policy.sameDaysIn(zone)
                ? (a, b) -> withRunningSession(rollups.userDays().ofUser(userId, a, b), running, local, now, a, b)
                : (a, b) -> QuarterHours.fits(local, a, b)
                        ? withRunningSession(fromQuarters(userId, local, a, b), running, local, now, a, b)
                        : fromLedger(userId, running, local, now, a, b);
    }

    /** The session running now is not rolled up yet: it counts from its start to now, as the leaderboard counts it. */
    private static SortedMap<LocalDate, Long> withRunningSession(SortedMap<LocalDate, Long> days, Optional<RunningSession> running,
                                                                StudyDayPolicy local, Instant now, LocalDate first, LocalDate last) {
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
    private SortedMap<LocalDate, Long> fromLedger(UserId userId, Optional<RunningSession> running, StudyDayPolicy local, Instant now,
                                                  LocalDate first, LocalDate last) {
        List<StudySession> sessions = StudyTodayService.counted(ledger.ofUser(userId, local.startOf(first), local.startOf(last.plusDays(1))),
                running);
        return new TreeMap<>(DailyStudy.of(sessions, local, now).seconds().subMap(first, last.plusDays(1)));
    }

    @Override
    public List<RankedRoom> ranking(StudyPeriod period, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        Instant now = clock.instant();
        Map<RoomId, Long> running = runningByRoom(period, now);
        Map<RoomId, Long> byRoom = new HashMap<>();
        if (period == StudyPeriod.ALL) {
            // All time: the rooms' own totals plus their running sessions, so this list and every room's rank field are one
            // ranking. A room outside the top stored ones with nobody studying has at least `limit` rooms at or above it.
            allTime.mostStudied(limit).forEach(t -> byRoom.put(t.roomId(), t.totalStudySeconds()));
            byRoom.putAll(allTime.totalsOf(running.keySet()));
            running.forEach((room, seconds) -> byRoom.computeIfPresent(room, (key, stored) -> stored + seconds));
        } else {
            byRoom.putAll(rollups.roomPeriods().ofRooms(PeriodBucket.around(period, now, policy)));
            running.forEach((room, seconds) -> byRoom.merge(room, seconds, Long::sum));
        }
        List<Map.Entry<RoomId, Long>> totals = new ArrayList<>(byRoom.entrySet());
        totals.sort(Map.Entry.<RoomId, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(e -> e.getKey().value(), Comparator.reverseOrder()));
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

    /** What the sessions running now add to each room within the period (all of it for all time), counted as the ledger counts them. */
    private Map<RoomId, Long> runningByRoom(StudyPeriod period, Instant now) {
        Optional<StudyPeriod.DayRange> range = period.around(now, policy);
        Map<RoomId, Long> byRoom = new HashMap<>();
        for (RunningSession session : runningSessions.all()) {
            long seconds = LeaderboardService.runningPieces(session, policy, now).entrySet().stream()
                    .filter(piece -> range.map(r -> r.contains(piece.getKey())).orElse(true)).mapToLong(Map.Entry::getValue).sum();
            if (seconds > 0) {
                byRoom.merge(session.roomId(), seconds, Long::sum);
            }
        }
        return byRoom;
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
                    rollups.userPeriods().add(session.userId(), back);
                }
            }
        }
        rollups.roomPeriods().deleteRoom(roomId);
        rollups.memberTotals().deleteRoom(roomId);
        rollups.memberQuarters().deleteRoom(roomId);
        ledger.deleteRoom(roomId);
    }
}
