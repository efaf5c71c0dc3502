package kr.co.stupy.application.studytime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import kr.co.stupy.application.integration.PresenceRunningSessions;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.service.FakeRooms;
import kr.co.stupy.application.live.service.LivePresenceService;
import kr.co.stupy.application.live.service.LiveRoomsHarness;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.chat.testing.InMemoryChatLog;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import kr.co.stupy.studytime.testing.InMemoryStudyRollups;
import kr.co.stupy.studytime.testing.RollupTotals;
import org.junit.jupiter.api.Test;

/**
 * Leaderboards in the configured zone come from the per room-member roll-ups; they must say to the
 * second what the ledger says. Sessions here go through the real service (join, leave, replaced by
 * a join elsewhere), so the roll-ups are kept exactly as in production.
 */
class LeaderboardRollupsTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    /** One node with in-memory ports, a room of ten members and a second room they also belong to. */
    static final class World {
        final MutableClock clock;
        final FakeRooms rooms = new FakeRooms();
        final InMemoryUsers users = new InMemoryUsers();
        final InMemoryStudyLedger ledger = new InMemoryStudyLedger();
        final StudyRollups rollups = InMemoryStudyRollups.create();
        final InProcessPresence presence = new InProcessPresence();
        final RoomId room = RoomId.newId();
        final RoomId otherRoom = RoomId.newId();
        final List<UserId> members = new ArrayList<>();
        final LiveRoomsHarness live;
        final StudyStatsService stats;
        final RollupRebuildService rebuild;
        /** Who is live where, by the connection this test opened. */
        final Map<UserId, ConnectionId> connections = new LinkedHashMap<>();

        World() {
            this(StudyDayPolicy.DEFAULT, Instant.parse("2026-11-24T03:00:00Z"));
        }

        World(StudyDayPolicy policy, Instant start) {
            clock = new MutableClock(start);
            live = new LiveRoomsHarness(rooms, new InProcessTickets(), presence, new InProcessBroadcaster(presence, (id, e) -> true),
                    new InMemoryChatLog(), ledger, (roomId, seconds) -> { }, rollups, users, policy, clock, "node-a");
            stats = new StudyStatsService(ledger, rollups, new PresenceRunningSessions(new LivePresenceService(presence)), MapRoomTotals.none(), policy, clock);
            rebuild = new RollupRebuildService(ledger, rollups, policy);
            for (int i = 0; i < 10; i++) {
                members.add(users.registerIfAbsent(User.register(new LinkedAccount(Provider.DEV, "m" + i), new Nickname("m" + i),
                        Optional.empty(), Optional.empty(), clock.instant())).user().id());
            }
            rooms.members.put(room, new ArrayList<>(members));
            rooms.members.put(otherRoom, new ArrayList<>(members));
        }

        void join(UserId user, RoomId where) {
            String ticket = live.issueTicket(user, where).value();
            if (live.connect(ticket, ConnectionId.newId(), where) instanceof ConnectLiveUseCase.Welcome welcome) {
                connections.put(user, welcome.connectionId());   // a join elsewhere replaced (and ended) the old one
            }
        }

        void leave(UserId user) {
            live.disconnect(connections.remove(user));
        }

        List<LeaderboardEntry> fromRollups(StudyPeriod period) {
            return live.leaderboards().of(room, members, period, SEOUL);
        }

        List<LeaderboardEntry> fromLedger(StudyPeriod period) {
            return live.leaderboards().fromLedger(room, members, period, SEOUL);
        }
    }

    @Test
    void randomSessionsAcrossDayStartsGiveTheSameBoardFromRollupsAsFromTheLedger() {
        int compared = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            World world = new World();
            for (int step = 0; step < 120; step++) {
                // Mostly minutes, sometimes hours: sessions cross 05:00, days pass sixteen hours, weeks and months turn.
                long seconds = random.nextInt(10) == 0 ? random.nextInt(12 * 3600) : random.nextInt(5400);
                if (random.nextInt(25) == 0) {
                    seconds = random.nextInt(8);   // around the five-second minimum
                }
                world.clock.advance(Duration.ofSeconds(seconds));
                UserId who = world.members.get(random.nextInt(world.members.size()));
                int roll = random.nextInt(10);
                if (world.connections.containsKey(who) && roll < 5) {
                    world.leave(who);
                } else if (roll < 8) {
                    world.join(who, world.room);   // at most four are let in; the fifth is refused
                } else {
                    world.join(who, world.otherRoom);
                }
                for (StudyPeriod period : StudyPeriod.values()) {
                    List<LeaderboardEntry> expected = world.fromLedger(period);
                    assertEquals(expected, world.fromRollups(period), "seed " + seed + ", step " + step + ", " + period);
                    compared++;
                }
            }
            long allTime = world.fromLedger(StudyPeriod.ALL).stream().mapToLong(LeaderboardEntry::studySeconds).sum();
            assertTrue(allTime > 16 * 3600, "the histories are long enough to mean something: " + allTime);
        }
        assertEquals(12 * 120 * 4, compared);
    }

    @Test
    void aDayOverSixteenHoursWithTheRunningSessionIsCappedAlike() {
        World world = new World();
        UserId kim = world.members.getFirst();
        world.clock.set(Instant.parse("2026-11-24T20:00:00Z"));   // 05:00 in Seoul: a study day begins
        world.join(kim, world.room);
        world.clock.advance(Duration.ofHours(10));
        world.leave(kim);
        world.join(kim, world.room);
        world.clock.advance(Duration.ofHours(7));   // 17 h today: 16 count, the running 7 h only partly

        for (StudyPeriod period : StudyPeriod.values()) {
            LeaderboardEntry top = world.fromRollups(period).getFirst();
            assertEquals(16 * 3600, top.studySeconds(), period.name());
            assertEquals(7 * 3600, top.liveSeconds(), "the running session alone, not capped");
            assertEquals(world.fromLedger(period), world.fromRollups(period));
        }
    }

    @Test
    void aRebuildRestoresMemberTotalsThatWereLost() {
        World world = new World();
        UserId kim = world.members.get(0);
        UserId lee = world.members.get(1);
        world.join(kim, world.room);
        world.clock.advance(Duration.ofMinutes(50));
        world.leave(kim);
        world.clock.advance(Duration.ofHours(30));
        world.join(lee, world.room);
        world.clock.advance(Duration.ofMinutes(20));
        world.leave(lee);
        Map<StudyPeriod, List<LeaderboardEntry>> before = new LinkedHashMap<>();
        for (StudyPeriod period : StudyPeriod.values()) {
            before.put(period, world.fromRollups(period));
        }
        assertEquals(50 * 60, before.get(StudyPeriod.ALL).stream().filter(e -> e.userId().equals(kim)).findFirst().orElseThrow().studySeconds());

        RollupTotals intact = RollupTotals.of(world.rollups);
        world.rollups.memberTotals().replaceAll(new MemberTotals.Totals(Map.of(), Map.of()));   // member totals gone
        assertTrue(world.fromRollups(StudyPeriod.ALL).stream().allMatch(e -> e.studySeconds() == 0));

        RebuildRollupsUseCase.Report report = world.rebuild.rebuild();

        assertEquals(2, report.memberDays(), "kim's day and lee's day");
        assertEquals(6, report.memberPeriods(), "each one's week, month and all time");
        assertEquals(8, report.membersDifferingBefore());
        assertEquals(0, report.differingBefore());
        assertEquals(0, report.periodsDifferingBefore());
        assertTrue(report.matches());
        assertEquals(intact, RollupTotals.of(world.rollups));
        for (StudyPeriod period : StudyPeriod.values()) {
            assertEquals(before.get(period), world.fromRollups(period), period.name());
            assertEquals(world.fromLedger(period), world.fromRollups(period), period.name());
        }
        assertEquals(0, world.rebuild.rebuild().membersDifferingBefore(), "nothing left to repair");
    }

    @Test
    void deletingTheRoomForgetsItsMemberTotals() {
        World world = new World();
        UserId kim = world.members.getFirst();
        world.join(kim, world.room);
        world.clock.advance(Duration.ofMinutes(10));
        world.leave(kim);
        world.join(kim, world.otherRoom);
        world.clock.advance(Duration.ofMinutes(5));
        world.leave(kim);

        world.stats.forgetRoom(world.room);
        world.ledger.deleteRoom(world.room);

        assertEquals(Map.of(), world.rollups.memberTotals().ofMembers(world.room, world.members, Optional.empty()));
        assertEquals(Map.of(kim, 300L), world.rollups.memberTotals().ofMembers(world.otherRoom, world.members, Optional.empty()));
        assertEquals(0, world.rebuild.rebuild().membersDifferingBefore());
    }
}
