package kr.co.stupy.application.studytime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kr.co.stupy.application.integration.PresenceRunningSessions;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.service.FakeRooms;
import kr.co.stupy.application.live.service.LivePresenceService;
import kr.co.stupy.application.live.service.LiveRoomsHarness;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.studytime.port.in.RoomRankingQuery.RankedRoom;
import kr.co.stupy.application.studytime.port.out.AllTimeRoomTotals;
import kr.co.stupy.chat.testing.InMemoryChatLog;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyStats;
import kr.co.stupy.studytime.UserDayTotals;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import kr.co.stupy.studytime.testing.InMemoryStudyRollups;
import kr.co.stupy.studytime.testing.RollupTotals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statistics and rankings on real services and in-memory ports: roll-ups kept by finishing sessions. */
class StudyStatsServiceTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z"));
    final FakeRooms rooms = new FakeRooms();
    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryStudyLedger ledger = new InMemoryStudyLedger();
    final StudyRollups rollups = InMemoryStudyRollups.create();
    final InProcessPresence presence = new InProcessPresence();
    final Map<RoomId, Long> allTime = new java.util.HashMap<>();
    final RoomId room = RoomId.newId();
    final RoomId otherRoom = RoomId.newId();
    LiveRoomsHarness live;
    LiveRoomsHarness queries;
    StudyStatsService stats;
    RollupRebuildService rebuild;
    UserId kim;
    UserId lee;

    @BeforeEach
    void setUp() {
        live = new LiveRoomsHarness(rooms, new InProcessTickets(), presence, new InProcessBroadcaster(presence, (id, e) -> true),
                new InMemoryChatLog(), ledger, (roomId, seconds) -> allTime.merge(roomId, seconds, Long::sum), rollups, users,
                StudyDayPolicy.DEFAULT, clock, "node-a");
        queries = live;
        AllTimeRoomTotals totals = new MapRoomTotals(allTime);
        stats = new StudyStatsService(ledger, rollups, new PresenceRunningSessions(new LivePresenceService(presence)), totals, StudyDayPolicy.DEFAULT, clock);
        rebuild = new RollupRebuildService(ledger, rollups, StudyDayPolicy.DEFAULT);
        kim = user("kim");
        lee = user("lee");
        rooms.members.put(room, new ArrayList<>(List.of(kim, lee)));
        rooms.members.put(otherRoom, new ArrayList<>(List.of(kim, lee)));
        // Both rooms exist from the start, with nothing studied yet, as a new room in the store does.
        allTime.put(room, 0L);
        allTime.put(otherRoom, 0L);
    }

    UserId user(String name) {
        return users.registerIfAbsent(User.register(new LinkedAccount(Provider.DEV, name), new Nickname(name), Optional.empty(),
                Optional.empty(), clock.instant())).user().id();
    }

    ConnectionId join(UserId user, RoomId where) {
        String ticket = live.issueTicket(user, where).value();
        return assertInstanceOf(ConnectLiveUseCase.Welcome.class, live.connect(ticket, ConnectionId.newId(), where)).connectionId();
    }

    void study(UserId user, RoomId where, Duration length) {
        ConnectionId connection = join(user, where);
        clock.advance(length);
        live.disconnect(connection);
    }

    LocalDate today() {
        return StudyDayPolicy.DEFAULT.dayOf(clock.instant());
    }

    @Test
    void statsShowWhatTheLeaderboardShowsIncludingTheRunningSession() {
        study(kim, room, Duration.ofMinutes(25));
        ConnectionId running = join(kim, room);
        clock.advance(Duration.ofSeconds(70));

        StudyStats mine = stats.stats(kim, Optional.empty(), Optional.empty(), SEOUL);
        long board = queries.leaderboard(kim, room, StudyPeriod.DAY, SEOUL).getFirst().studySeconds();

        assertEquals(25 * 60 + 70, board);
        assertEquals(board, mine.days().getLast().seconds());
        assertEquals(board, mine.totalSeconds());
        assertEquals(30, mine.days().size(), "the default range is the 30 days ending today");
        assertEquals(today(), mine.days().getLast().date());
        assertEquals(1, mine.currentStreakDays());
        live.disconnect(running);
        assertEquals(board, stats.stats(kim, Optional.empty(), Optional.empty(), SEOUL).totalSeconds(), "now from the roll-ups alone");
    }

    @Test
    void anotherZoneIsSummedFromQuarterHoursAndAgreesWithTheRollupsInTheConfiguredOne() {
        // 03:00 UTC is 12:00 in Seoul and 22:00 the day before in New York (before its 05:00 day start: two days back).
        study(kim, room, Duration.ofHours(2));
        clock.advance(Duration.ofHours(20));
        study(kim, otherRoom, Duration.ofMinutes(50));
        LocalDate from = today().minusDays(3);
        LocalDate to = today().plusDays(1);

        StudyStats seoul = stats.stats(kim, Optional.of(from), Optional.of(to), SEOUL);
        StudyStats newYork = stats.stats(kim, Optional.of(from), Optional.of(to), ZoneId.of("America/New_York"));
        StudyStats seoulByQuarters = stats.stats(kim, Optional.of(from), Optional.of(to), ZoneId.of("Etc/GMT-9"));

        assertEquals(2 * 3600 + 50 * 60, seoul.totalSeconds());
        assertEquals(seoul.totalSeconds(), newYork.totalSeconds());
        assertEquals(seoul.days(), seoulByQuarters.days().stream().toList(), "UTC+9 without the name: same days, from quarter hours");
        assertEquals(newYork, stats.statsFromLedger(kim, Optional.of(from), Optional.of(to), ZoneId.of("America/New_York")));
        assertEquals(List.of(0L, 0L, 7200L, 3000L, 0L), seoul.days().stream().map(StudyStats.Day::seconds).toList());
    }

    @Test
    void aSessionOfADeadNodeIsRolledUpAtItsLastHeartbeat() {
        StudySession orphan = StudySession.start(kim, room, clock.instant());
        ledger.begin(orphan);
        ledger.heartbeat(orphan.id(), clock.instant().plusSeconds(45));
        clock.advance(Duration.ofMinutes(5));

        assertEquals(1, live.reap());

        assertEquals(new TreeMap<>(Map.of(today(), 45L)), rollups.userDays().ofUser(kim, today(), today()));
        assertEquals(45, stats.stats(kim, Optional.of(today()), Optional.of(today()), SEOUL).totalSeconds());
        assertEquals(List.of(new RankedRoom(1, room, 45)), stats.ranking(StudyPeriod.DAY, 10));
    }

    @Test
    void rankingsRankTiesAlikeAndAllTimeFollowsTheRoomTotals() {
        RoomId third = RoomId.newId();
        rooms.members.put(third, new ArrayList<>(List.of(kim)));
        study(kim, room, Duration.ofMinutes(10));
        study(lee, otherRoom, Duration.ofMinutes(10));
        study(kim, third, Duration.ofMinutes(4));
        clock.advance(Duration.ofDays(1));
        study(kim, third, Duration.ofMinutes(30));

        List<RankedRoom> day = stats.ranking(StudyPeriod.DAY, 20);
        assertEquals(List.of(new RankedRoom(1, third, 1800)), day);
        List<RankedRoom> all = stats.ranking(StudyPeriod.ALL, 20);
        assertEquals(third, all.getFirst().roomId());
        assertEquals(List.of(1L, 2L, 2L), all.stream().map(RankedRoom::rank).toList(), "two rooms with ten minutes share rank 2");
        assertEquals(List.of(2040L, 600L, 600L), all.stream().map(RankedRoom::studySeconds).toList());
        assertEquals(2, stats.ranking(StudyPeriod.ALL, 2).size());
        assertEquals("limit", assertThrows(InvalidInputException.class, () -> stats.ranking(StudyPeriod.WEEK, 101)).errors().getFirst().field());
    }

    @Test
    void rankingsCountTheSessionsRunningNow() {
        study(kim, room, Duration.ofMinutes(10));
        ConnectionId running = join(lee, otherRoom);
        clock.advance(Duration.ofMinutes(15));

        assertEquals(List.of(new RankedRoom(1, otherRoom, 900), new RankedRoom(2, room, 600)), stats.ranking(StudyPeriod.DAY, 20));
        assertEquals(List.of(new RankedRoom(1, otherRoom, 900), new RankedRoom(2, room, 600)), stats.ranking(StudyPeriod.ALL, 20),
                "a room studied in now but never finished a session is ranked by its running time");
        assertEquals(List.of(new RankedRoom(1, otherRoom, 900)), stats.ranking(StudyPeriod.ALL, 1));
        live.status(running, "break", null);
        clock.advance(Duration.ofMinutes(30));
        assertEquals(List.of(new RankedRoom(1, otherRoom, 900), new RankedRoom(2, room, 600)), stats.ranking(StudyPeriod.WEEK, 20),
                "a break adds nothing, and what ran before it is finished now");
    }

    @Test
    void weekAndMonthRankingsFollowTheConfiguredDayStart() {
        // Tuesday the 24th of November, 12:00 in Seoul.
        study(kim, room, Duration.ofMinutes(10));
        clock.set(Instant.parse("2026-11-29T19:30:00Z"));   // Monday the 30th, 04:30 in Seoul: still Sunday's study day
        study(lee, otherRoom, Duration.ofMinutes(20));
        assertEquals(List.of(new RankedRoom(1, otherRoom, 1200), new RankedRoom(2, room, 600)), stats.ranking(StudyPeriod.WEEK, 20));

        clock.set(Instant.parse("2026-11-29T20:10:00Z"));   // Monday 05:10: a new week, still November
        study(lee, room, Duration.ofMinutes(5));
        assertEquals(List.of(new RankedRoom(1, room, 300)), stats.ranking(StudyPeriod.WEEK, 20));
        assertEquals(List.of(new RankedRoom(1, otherRoom, 1200), new RankedRoom(2, room, 900)), stats.ranking(StudyPeriod.MONTH, 20));

        clock.set(Instant.parse("2026-11-30T20:00:00Z"));   // Tuesday the 1st of December, 05:00: a new month, the same week
        assertEquals(List.of(), stats.ranking(StudyPeriod.MONTH, 20));
        assertEquals(List.of(new RankedRoom(1, room, 300)), stats.ranking(StudyPeriod.WEEK, 20));
    }

    @Test
    void aRebuildRestoresLostRankingBucketsFromTheLedger() {
        study(kim, room, Duration.ofMinutes(10));
        RollupTotals intact = RollupTotals.of(rollups);
        rollups.roomPeriods().replaceAll(new RoomPeriodTotals.Totals(intact.rooms().days(), Map.of()));
        assertEquals(List.of(), stats.ranking(StudyPeriod.WEEK, 20));

        RebuildRollupsUseCase.Report repaired = rebuild.rebuild();

        assertEquals(0, repaired.differingBefore(), "the day totals were intact");
        assertEquals(3, repaired.periodsDifferingBefore(), "the room's day, week and month");
        assertEquals(3, repaired.roomPeriods());
        assertTrue(repaired.matches());
        assertEquals(intact, RollupTotals.of(rollups));
        assertEquals(List.of(new RankedRoom(1, room, 600)), stats.ranking(StudyPeriod.WEEK, 20));
    }

    @Test
    void rangesAreValidated() {
        LocalDate today = today();
        assertEquals("from", assertThrows(InvalidInputException.class,
                () -> stats.stats(kim, Optional.of(today), Optional.of(today.minusDays(1)), SEOUL)).errors().getFirst().field());
        assertThrows(InvalidInputException.class, () -> stats.stats(kim, Optional.of(today.minusDays(366)), Optional.of(today), SEOUL));
        assertEquals(366, stats.stats(kim, Optional.of(today.minusDays(365)), Optional.of(today), SEOUL).days().size());
    }

    @Test
    void aRebuildRepairsRollupsThatMissedASessionAndThenFindsNothingToRepair() {
        study(kim, room, Duration.ofMinutes(10));
        clock.advance(Duration.ofHours(20));   // across the day start
        study(lee, otherRoom, Duration.ofMinutes(100));
        RollupTotals intact = RollupTotals.of(rollups);
        // A crash between ending a session and rolling it up: the ledger has it, the roll-ups do not.
        StudySession lost = StudySession.start(kim, otherRoom, clock.instant());
        ledger.begin(lost);
        ledger.end(lost.id(), clock.instant().plusSeconds(600));

        RebuildRollupsUseCase.Report repaired = rebuild.rebuild();

        assertEquals(3, repaired.sessions());
        assertEquals(2, repaired.differingBefore(), "kim's and the other room's day");
        assertTrue(repaired.matches());
        assertEquals(600, rollups.userDays().ofUser(kim, today(), today()).get(today()) - intact.users().days().getOrDefault(
                new UserDayTotals.UserDay(kim.value(), today()), 0L));
        RebuildRollupsUseCase.Report again = rebuild.rebuild();
        assertEquals(0, again.differingBefore());
        assertTrue(again.matches());
    }

    @Test
    void deletingARoomTakesItsTimeBackFromItsUsersSoARebuildStillMatches() {
        study(kim, room, Duration.ofMinutes(10));
        study(kim, otherRoom, Duration.ofMinutes(5));
        join(kim, room);
        clock.advance(Duration.ofMinutes(3));

        live.roomClosed(room);
        stats.forgetRoom(room);
        ledger.deleteRoom(room);

        SortedMap<LocalDate, Long> left = rollups.userDays().ofUser(kim, today(), today());
        assertEquals(new TreeMap<>(Map.of(today(), 300L)), left);
        assertEquals(Map.of(otherRoom, 300L), rollups.roomPeriods().ofRooms(PeriodBucket.containing(StudyPeriod.DAY, today())));
        assertEquals(Map.of(otherRoom, 300L), rollups.roomPeriods().ofRooms(PeriodBucket.containing(StudyPeriod.MONTH, today())));
        assertEquals(0, rebuild.rebuild().differingBefore());
    }
}
