package kr.co.stupy.application.live.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import kr.co.stupy.application.integration.PresenceRunningSessions;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.live.service.LiveServicesTest.Inbox;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.studytime.service.RollupRebuildService;
import kr.co.stupy.application.studytime.service.StudyStatsServiceAccess;
import kr.co.stupy.chat.testing.InMemoryChatLog;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.DailyStudy;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.SubjectTimes;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import kr.co.stupy.studytime.testing.InMemoryStudyRollups;
import org.junit.jupiter.api.Test;

/**
 * Random days of joining, leaving, breaks and subjects driven through the live services, across day
 * starts: the ledger never holds two sessions of one person at once nor any during a break, the
 * roll-ups are exactly what a rebuild from the ledger makes, statistics from the roll-ups equal those
 * from the ledger, subjects add up to each day, and no board ever shows live time above study time.
 */
class BreaksAndSubjectsPropertyTest {

    static final List<Optional<String>> SUBJECTS = List.of(Optional.of("수학"), Optional.of("영어"), Optional.empty());
    static final StudyDayPolicy POLICY = StudyDayPolicy.DEFAULT;

    @Test
    void breaksAndSubjectsKeepEveryFigureEqualToTheLedger() {
        for (long seed = 1; seed <= 12; seed++) {
            run(new Random(seed), "seed " + seed);
        }
    }

    private void run(Random random, String what) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T17:00:00Z"));   // 02:00 in Seoul: three hours to a day start
        FakeRooms rooms = new FakeRooms();
        InMemoryUsers users = new InMemoryUsers();
        InMemoryStudyLedger ledger = new InMemoryStudyLedger();
        InProcessPresence presence = new InProcessPresence();
        StudyRollups rollups = InMemoryStudyRollups.create();
        Map<RoomId, Long> totals = new HashMap<>();
        LiveRoomsHarness live = new LiveRoomsHarness(rooms, new InProcessTickets(), presence, new InProcessBroadcaster(presence, new Inbox()),
                new InMemoryChatLog(), ledger, (roomId, seconds) -> totals.merge(roomId, seconds, Long::sum), rollups, users, POLICY, clock,
                "node-a");
        List<RoomId> roomIds = List.of(RoomId.newId(), RoomId.newId());
        List<UserId> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(LiveRoomsHarness.register(users, "p" + i, clock.instant()));
        }
        roomIds.forEach(room -> rooms.members.put(room, new ArrayList<>(people)));
        Map<UserId, ConnectionId> connections = new HashMap<>();
        Map<UserId, RoomId> where = new HashMap<>();
        Map<UserId, Instant> breakSince = new HashMap<>();
        Map<UserId, List<Instant[]>> breaks = new HashMap<>();

        for (int step = 0; step < 400; step++) {
            clock.advance(Duration.ofSeconds(random.nextInt(4) == 0 ? random.nextInt(3 * 3600) : random.nextInt(300)));
            UserId who = people.get(random.nextInt(people.size()));
            ConnectionId connection = connections.get(who);
            int action = random.nextInt(10);
            if (connection == null) {
                if (action < 6) {
                    RoomId room = roomIds.get(random.nextInt(roomIds.size()));
                    var welcome = live.join(who, room);
                    connections.put(who, welcome.connectionId());
                    where.put(who, room);
                }
            } else if (action < 2) {
                live.disconnect(connection);
                connections.remove(who);
                endBreak(who, clock.instant(), breakSince, breaks);
            } else if (action < 5) {
                live.status(connection, "break", random.nextBoolean() ? null : SUBJECTS.get(random.nextInt(3)));
                breakSince.putIfAbsent(who, clock.instant());
            } else {
                live.status(connection, "studying", random.nextBoolean() ? null : SUBJECTS.get(random.nextInt(3)));
                endBreak(who, clock.instant(), breakSince, breaks);
            }
            if (connections.containsKey(who)) {
                for (LeaderboardEntry entry : live.leaderboard(who, where.get(who), StudyPeriod.DAY, POLICY.zone())) {
                    assertTrue(entry.liveSeconds() <= entry.studySeconds(), what + ": " + entry);
                }
            }
        }
        for (Map.Entry<UserId, ConnectionId> left : List.copyOf(connections.entrySet())) {
            live.disconnect(left.getValue());
            endBreak(left.getKey(), clock.instant(), breakSince, breaks);
        }

        List<StudySession> all = ledger.inRoom(roomIds.get(0), Instant.EPOCH, clock.instant().plusSeconds(1));
        all = new ArrayList<>(all);
        all.addAll(ledger.inRoom(roomIds.get(1), Instant.EPOCH, clock.instant().plusSeconds(1)));
        for (UserId person : people) {
            List<StudySession> own = all.stream().filter(s -> s.userId().equals(person)).sorted(Comparator.comparing(StudySession::startedAt)).toList();
            for (int i = 1; i < own.size(); i++) {
                assertFalse(own.get(i).startedAt().isBefore(own.get(i - 1).endedAt().orElseThrow()), what + ": two sessions at once");
            }
            for (Instant[] pause : breaks.getOrDefault(person, List.of())) {
                assertTrue(own.stream().noneMatch(s -> s.startedAt().isBefore(pause[1]) && s.endedAt().orElseThrow().isAfter(pause[0])),
                        what + ": a session during a break");
            }
            DailyStudy daily = DailyStudy.of(own, POLICY, clock.instant());
            for (LocalDate day : daily.seconds().keySet()) {
                assertEquals(daily.seconds().get(day).longValue(), SubjectTimes.of(own, POLICY, clock.instant(), day, day).total(), what);
            }
            for (ZoneId zone : List.of(POLICY.zone(), ZoneId.of("UTC"))) {
                var stats = StudyStatsServiceAccess.create(ledger, rollups, new PresenceRunningSessions(new LivePresenceService(presence)),
                        POLICY, clock);
                Optional<LocalDate> from = Optional.of(LocalDate.of(2026, 11, 20));
                Optional<LocalDate> to = Optional.of(POLICY.inZone(zone).dayOf(clock.instant()));
                assertEquals(StudyStatsServiceAccess.fromLedger(stats, person, from, to, zone), stats.stats(person, from, to, zone), what + " " + zone);
            }
        }
        assertTrue(all.stream().noneMatch(StudySession::isOpen), what + ": every session ended with its connection");
        assertTrue(breaks.values().stream().mapToInt(List::size).sum() >= 5 && all.size() >= 30, what + ": the run exercised too little");
        assertEquals(3, all.stream().map(StudySession::subject).distinct().count(), what + ": two subjects and none");
        RebuildRollupsUseCase.Report report = new RollupRebuildService(ledger, rollups, POLICY).rebuild();
        assertEquals(List.of(0, 0, 0, 0, 0, 0), List.of(report.differingBefore(), report.periodsDifferingBefore(), report.userPeriodsDifferingBefore(),
                report.membersDifferingBefore(), report.quartersDifferingBefore(), report.memberQuartersDifferingBefore()), what + ": " + report);
        assertTrue(report.matches(), what);
    }

    private static void endBreak(UserId who, Instant at, Map<UserId, Instant> since, Map<UserId, List<Instant[]>> breaks) {
        Instant began = since.remove(who);
        if (began != null) {
            breaks.computeIfAbsent(who, w -> new ArrayList<>()).add(new Instant[] {began, at});
        }
    }
}
