package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.application.studytime.port.in.LeaderboardQuery;
import kr.co.stupy.application.studytime.port.out.RunningSessions.RunningSession;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyStudy;
import kr.co.stupy.studytime.MemberQuarterHours;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudySession;

/**
 * Computes a room's leaderboard from the live connections and either the per room-member roll-ups
 * (the configured zone: a handful of totals read by key, however long the room's history), or, for
 * another zone whose study days fall elsewhere, the members' quarter hours in the room summed into
 * that zone's study days ({@link QuarterHours}: a web app abroad sends its browser's zone, and scanning
 * the room's sessions for it grew with the history). Only a zone whose study days do not begin on
 * quarter hours (a day start such as 05:10) still takes the room's sessions in the ledger. Every path
 * counts each member's day in the room up to sixteen hours, with the running session included.
 * <p>
 * One difference while a node is dead and the reaper has not closed its sessions yet: the ledger
 * counts such an open session to its last heartbeat, the roll-ups only once it is closed (at that
 * same heartbeat), a few seconds later.
 */
public final class LeaderboardService implements LeaderboardQuery {

    private final StudyLedger ledger;
    private final MemberTotals memberTotals;
    private final MemberQuarterHours memberQuarters;
    private final RunningSessions runningSessions;
    private final Users users;
    private final RoomRosterQuery rosters;
    private final StudyDayPolicy policy;
    private final Clock clock;

    public LeaderboardService(StudyLedger ledger, MemberTotals memberTotals, MemberQuarterHours memberQuarters,
                              RunningSessions runningSessions, Users users, RoomRosterQuery rosters, StudyDayPolicy policy, Clock clock) {
        this.ledger = ledger;
        this.memberTotals = memberTotals;
        this.memberQuarters = memberQuarters;
        this.runningSessions = runningSessions;
        this.users = users;
        this.rosters = rosters;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<LeaderboardEntry> leaderboard(UserId asker, RoomId roomId, StudyPeriod period, ZoneId zone) {
        return of(roomId, rosters.membersFor(asker, roomId), period, zone);
    }

    @Override
    public List<LeaderboardEntry> todayBoard(RoomId roomId, List<UserId> members) {
        return of(roomId, members, StudyPeriod.DAY, policy.zone());
    }

    List<LeaderboardEntry> of(RoomId roomId, List<UserId> members, StudyPeriod period, ZoneId zone) {
        Instant now = clock.instant();
        Map<UserId, RunningSession> live = new HashMap<>();
        runningSessions.inRoom(roomId).forEach(c -> live.put(c.userId(), c));
        StudyDayPolicy local = policy.inZone(zone);
        // The running sessions' part of the period, once: added to the finished time and shown as liveSeconds.
        Map<UserId, SortedMap<LocalDate, Long>> running = running(members, period.around(now, local), local, now, live);
        Map<UserId, Long> seconds = policy.sameDaysIn(zone)
                ? fromRollups(roomId, members, period, now, running)
                : fromQuarters(roomId, members, period, local, now, running)
                        .orElseGet(() -> fromLedger(roomId, members, period, local, now, live));
        return entries(members, seconds, running, live);
    }

    /** The board as the ledger makes it in any zone: what the roll-ups must agree with (tests compare the two). */
    List<LeaderboardEntry> fromLedger(RoomId roomId, List<UserId> members, StudyPeriod period, ZoneId zone) {
        Instant now = clock.instant();
        Map<UserId, RunningSession> live = new HashMap<>();
        runningSessions.inRoom(roomId).forEach(c -> live.put(c.userId(), c));
        StudyDayPolicy local = policy.inZone(zone);
        return entries(members, fromLedger(roomId, members, period, local, now, live),
                running(members, period.around(now, local), local, now, live), live);
    }

    private Map<UserId, Long> fromLedger(RoomId roomId, List<UserId> members, StudyPeriod period, StudyDayPolicy local, Instant now,
                                         Map<UserId, RunningSession> live) {
        Optional<StudyPeriod.DayRange> range = period.around(now, local);
        Instant from = range.map(r -> r.start(local)).orElse(Instant.EPOCH);
        Instant to = range.map(r -> r.end(local)).orElse(now.plusSeconds(1));
        Map<UserId, List<StudySession>> byUser = ledger.inRoom(roomId, from, to).stream()
                .map(session -> session.countedNow(heldStudying(session, live)))
                .collect(Collectors.groupingBy(StudySession::userId));
        Map<UserId, Long> seconds = new HashMap<>();
        for (UserId member : members) {
            DailyStudy daily = DailyStudy.of(byUser.getOrDefault(member, List.of()), local, now);
            seconds.put(member, range.map(r -> daily.total(r::contains)).orElseGet(daily::total));
        }
        return seconds;
    }

    /**
     * Finished sessions from the roll-ups: the day's raw total capped, or the week's, month's or all
     * time's total with every day already capped. The running session is added on top day by day:
     * on a day it touches it may push the member over sixteen hours, so that day's raw total is read
     * too and the capped day recomputed with it, exactly as {@link DailyStudy} caps finished and
     * running sessions together.
     */
    private Map<UserId, Long> fromRollups(RoomId roomId, List<UserId> members, StudyPeriod period, Instant now,
                                          Map<UserId, SortedMap<LocalDate, Long>> running) {
        Optional<StudyPeriod.DayRange> range = period.around(now, policy);
        TreeSet<LocalDate> days = new TreeSet<>();
        running.values().forEach(pieces -> days.addAll(pieces.keySet()));
        if (period == StudyPeriod.DAY) {
            days.add(range.orElseThrow().first());
        }
        Map<UserId, SortedMap<LocalDate, Long>> raw = days.isEmpty() ? Map.of() : memberTotals.ofMemberDays(roomId, members, days);

        Map<UserId, Long> seconds = new HashMap<>();
        if (period == StudyPeriod.DAY) {
            LocalDate today = range.orElseThrow().first();
            members.forEach(member -> seconds.put(member, MemberTotals.capped(raw.getOrDefault(member, emptyDays()).getOrDefault(today, 0L))));
        } else {
            Optional<PeriodBucket> bucket = period == StudyPeriod.ALL ? Optional.empty() : Optional.of(PeriodBucket.around(period, now, policy));
            Map<UserId, Long> finished = memberTotals.ofMembers(roomId, members, bucket);
            members.forEach(member -> seconds.put(member, finished.getOrDefault(member, 0L)));
        }
        running.forEach((member, pieces) -> pieces.forEach((day, runningSeconds) -> {
            long before = raw.getOrDefault(member, emptyDays()).getOrDefault(day, 0L);
            seconds.merge(member, MemberTotals.capped(before + runningSeconds) - MemberTotals.capped(before), Long::sum);
        }));
        return seconds;
    }

    /**
     * Another zone: each member's finished sessions in the room from their quarter hours, summed into
     * that zone's study days exactly as splitting the sessions would, the running session added, every
     * day capped, as {@link DailyStudy} does. A week or month reads the members' quarters of the UTC
     * dates it covers, all time every date they have. Empty when a study day concerned does not begin on
     * a quarter hour, so that quarters cannot answer it: the caller reads the ledger instead.
     */
    private Optional<Map<UserId, Long>> fromQuarters(RoomId roomId, List<UserId> members, StudyPeriod period, StudyDayPolicy local,
                                                     Instant now, Map<UserId, SortedMap<LocalDate, Long>> running) {
        Optional<StudyPeriod.DayRange> range = period.around(now, local);
        // All time checks today before reading (a day start off the quarter hours fails on any day), then every day it read.
        StudyPeriod.DayRange checked = range.orElseGet(() -> new StudyPeriod.DayRange(local.dayOf(now), local.dayOf(now)));
        if (!QuarterHours.fits(local, checked.first(), checked.last())) {
            return Optional.empty();
        }
        Map<UserId, SortedMap<LocalDate, Long>> finished = new HashMap<>();
        if (range.isPresent()) {
            StudyPeriod.DayRange days = range.get();
            LocalDate firstUtcDate = QuarterHours.firstUtcDate(local, days.first());
            LocalDate lastUtcDate = QuarterHours.lastUtcDate(local, days.last());
            memberQuarters.ofMembers(roomId, members, firstUtcDate, lastUtcDate)
                    .forEach((member, quarters) -> finished.put(member, quarters.byDay(local, days.first(), days.last())));
        } else {
            for (Map.Entry<UserId, QuarterHours> member : memberQuarters.allOfMembers(roomId, members).entrySet()) {
                Optional<SortedMap<LocalDate, Long>> days = member.getValue().allByDay(local);
                if (days.isEmpty()) {
                    return Optional.empty();
                }
                finished.put(member.getKey(), days.get());
            }
        }
        Map<UserId, Long> seconds = new HashMap<>();
        for (UserId member : members) {
            SortedMap<LocalDate, Long> days = new TreeMap<>(finished.getOrDefault(member, emptyDays()));
            running.getOrDefault(member, emptyDays()).forEach((day, runningSeconds) -> days.merge(day, runningSeconds, Long::sum));
            seconds.put(member, days.values().stream().mapToLong(MemberTotals::capped).sum());
        }
        return Optional.of(seconds);
    }

    /**
     * The running sessions of members live in the room, split into {@code local}'s study days within
     * the range: what presence knows and the roll-ups do not yet. A session under five seconds is not
     * study yet, as the ledger's count says.
     */
    private static Map<UserId, SortedMap<LocalDate, Long>> running(List<UserId> members, Optional<StudyPeriod.DayRange> range,
                                                                  StudyDayPolicy local, Instant now, Map<UserId, RunningSession> live) {
        Map<UserId, SortedMap<LocalDate, Long>> running = new HashMap<>();
        for (UserId member : members) {
            RunningSession connection = live.get(member);
            if (connection == null) {
                continue;
            }
            SortedMap<LocalDate, Long> pieces = runningPieces(connection, local, now);
            range.ifPresent(r -> pieces.keySet().removeIf(day -> !r.contains(day)));
            if (!pieces.isEmpty()) {
                running.put(member, pieces);
            }
        }
        return running;
    }

    /**
     * The seconds a live connection's running session has counted by {@code now}, split into {@code local}'s
     * study days (a modifiable map); none while it is under five seconds, as the ledger's count says.
     */
    static SortedMap<LocalDate, Long> runningPieces(RunningSession connection, StudyDayPolicy local, Instant now) {
        if (!connection.studying()) {
            return new TreeMap<>();
        }
        StudySession session = new StudySession(connection.sessionId(), connection.userId(), connection.roomId(), connection.since(),
                connection.since(), Optional.empty());
        return session.counted(now).isZero() ? new TreeMap<>() : local.split(session.startedAt(), session.countedUntil(now));
    }

    /** Whether a live member studies in the session now (an open one nobody holds counts to its last heartbeat only). */
    private static boolean heldStudying(StudySession session, Map<UserId, RunningSession> live) {
        RunningSession holder = live.get(session.userId());
        return holder != null && holder.studying() && holder.sessionId().equals(session.id());
    }

    private static SortedMap<LocalDate, Long> emptyDays() {
        return java.util.Collections.emptySortedMap();
    }

    /**
     * {@code liveSeconds} is the running session's part of the period, the same pieces {@code studySeconds}
     * added at the same instant (never more than it: at the daily cap the session adds less).
     */
    private List<LeaderboardEntry> entries(List<UserId> members, Map<UserId, Long> seconds, Map<UserId, SortedMap<LocalDate, Long>> running,
                                           Map<UserId, RunningSession> live) {
        Map<UserId, User> profiles = users.byIds(members);
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (UserId member : members) {
            RunningSession connection = live.get(member);
            long studySeconds = seconds.getOrDefault(member, 0L);
            long liveSeconds = Math.min(studySeconds, running.getOrDefault(member, emptyDays()).values().stream().mapToLong(Long::longValue).sum());
            User user = profiles.get(member);
            entries.add(new LeaderboardEntry(member, user == null ? "(left user)" : user.nickname().value(),
                    user == null ? Optional.empty() : user.profileImage(), studySeconds, connection != null, liveSeconds,
                    Optional.ofNullable(connection).map(RunningSession::state)));
        }
        entries.sort(Comparator.comparingLong(LeaderboardEntry::studySeconds).reversed().thenComparing(LeaderboardEntry::nickname));
        return entries;
    }
}
