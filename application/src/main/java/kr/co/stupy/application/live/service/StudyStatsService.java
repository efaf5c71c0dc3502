package kr.co.stupy.application.live.service;

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
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.live.port.in.RoomRankingQuery;
import kr.co.stupy.application.live.port.in.StudyStatsQuery;
import kr.co.stupy.application.live.port.out.AllTimeRoomTotals;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
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
 * are computed from the user's sessions in the range instead. Rankings only ever use the
 * configured zone, so they always read roll-ups.
 */
public final class StudyStatsService implements StudyStatsQuery, RoomRankingQuery, RebuildRollupsUseCase {

    static final int DEFAULT_RANGE_DAYS = 30;
    static final int MAX_RANGE_DAYS = 366;

    private final StudyLedger ledger;
    private final StudyRollups rollups;
    private final LivePresence presence;
    private final AllTimeRoomTotals allTime;
    private final StudyDayPolicy policy;
    private final Clock clock;

    public StudyStatsService(StudyLedger ledger, StudyRollups rollups, LivePresence presence, AllTimeRoomTotals allTime,
                             StudyDayPolicy policy, Clock clock) {
        this.ledger = ledger;
        this.rollups = rollups;
        this.presence = presence;
        this.allTime = allTime;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public StudyStats stats(UserId userId, Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone) {
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
        BiFunction<LocalDate, LocalDate, SortedMap<LocalDate, Long>> history = sameDays(zone)
                ? (a, b) -> withRunningSession(rollups.ofUser(userId, a, b), userId, local, now, a, b)
                : (a, b) -> fromLedger(userId, local, now, a, b);
        return StudyStats.of(first, last, today, history);
    }

    /** Roll-ups are keyed by the configured study days; another zone with the same rules for every instant would do too. */
    private boolean sameDays(ZoneId zone) {
        return zone.normalized().equals(policy.zone().normalized());
    }

    /** The session running now is not rolled up yet: it counts from its start to now, as the leaderboard counts it. */
    private SortedMap<LocalDate, Long> withRunningSession(SortedMap<LocalDate, Long> days, UserId userId, StudyDayPolicy local,
                                                         Instant now, LocalDate first, LocalDate last) {
        Optional<LiveConnection> running = presence.ofUser(userId);
        if (running.isEmpty()) {
            return days;
        }
        StudySession session = new StudySession(running.get().sessionId(), userId, running.get().roomId(), running.get().since(),
                running.get().since(), Optional.empty());
        if (session.counted(now).isZero()) {
            return days;
        }
        SortedMap<LocalDate, Long> merged = new TreeMap<>(days);
        local.split(session.startedAt(), now).forEach((day, seconds) -> {
            if (!day.isBefore(first) && !day.isAfter(last)) {
                merged.merge(day, seconds, Long::sum);
            }
        });
        return merged;
    }

    /** Another zone: the user's sessions in the range, split into that zone's study days. */
    private SortedMap<LocalDate, Long> fromLedger(UserId userId, StudyDayPolicy local, Instant now, LocalDate first, LocalDate last) {
        Optional<String> running = presence.ofUser(userId).map(LiveConnection::sessionId);
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
        Optional<StudyPeriod.DayRange> range = period.around(clock.instant(), policy);
        if (range.isEmpty()) {
            // All time: the rooms' own totals, so this list and every room's rank field are one ranking.
            allTime.mostStudied(limit).forEach(t -> totals.add(Map.entry(t.roomId(), t.totalStudySeconds())));
        } else {
            totals.addAll(rollups.ofRooms(range.get().first(), range.get().last()).entrySet());
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
        Map<StudyRollups.DayKey, Long> users = new HashMap<>();
        Map<StudyRollups.DayKey, Long> rooms = new HashMap<>();
        long[] sessions = {0};
        ledger.forEachFinished(session -> {
            sessions[0]++;
            StudyRollups.piecesOf(session, policy).forEach((day, seconds) -> {
                users.merge(new StudyRollups.DayKey(session.userId().value(), day), seconds, Long::sum);
                rooms.merge(new StudyRollups.DayKey(session.roomId().value(), day), seconds, Long::sum);
            });
        });
        StudyRollups.Totals expected = new StudyRollups.Totals(users, rooms);
        StudyRollups.Totals stored = rollups.all();
        int differing = differences(expected.users(), stored.users()) + differences(expected.rooms(), stored.rooms());
        if (differing > 0) {
            rollups.replaceAll(expected);
        }
        boolean matches = differing == 0 || rollups.all().equals(expected);
        return new Report(sessions[0], expected.users().size(), expected.rooms().size(), differing, matches);
    }

    private static int differences(Map<StudyRollups.DayKey, Long> expected, Map<StudyRollups.DayKey, Long> stored) {
        int differing = 0;
        for (Map.Entry<StudyRollups.DayKey, Long> total : expected.entrySet()) {
            if (!total.getValue().equals(stored.get(total.getKey()))) {
                differing++;
            }
        }
        for (StudyRollups.DayKey key : stored.keySet()) {
            if (!expected.containsKey(key)) {
                differing++;
            }
        }
        return differing;
    }

    /**
     * A room is being deleted with its sessions: its users' totals give back what its finished
     * sessions added, and its own totals go. Runs before the ledger forgets the room's sessions.
     */
    public void forgetRoom(RoomId roomId) {
        for (StudySession session : ledger.inRoom(roomId, Instant.EPOCH, clock.instant().plusSeconds(1))) {
            if (!session.isOpen()) {
                SortedMap<LocalDate, Long> back = new TreeMap<>();
                StudyRollups.piecesOf(session, policy).forEach((day, seconds) -> back.put(day, -seconds));
                if (!back.isEmpty()) {
                    rollups.add(session.userId(), roomId, back);
                }
            }
        }
        rollups.deleteRoom(roomId);
    }
}
