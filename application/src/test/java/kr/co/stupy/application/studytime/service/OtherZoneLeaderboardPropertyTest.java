package kr.co.stupy.application.studytime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.service.LiveDepartureService;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import org.junit.jupiter.api.Test;

/**
 * Room leaderboards in zones other than the configured one, summed from the members' quarter hours,
 * equal what the ledger's sessions make, to the second, for every period: sessions through the real
 * service (joins, leaves, a join elsewhere, sessions a reaper closes at their last heartbeat) with
 * fractions of a second, across day starts, midnights, month ends and daylight saving changes, over
 * the sixteen-hour cap, with sessions running; also after the room's deletion and after a rebuild.
 */
class OtherZoneLeaderboardPropertyTest {

    /** The statistics' zones (+5:45, +10:30 with a half-hour DST, +12:45, -3:30, …) and the configured zone itself. */
    static final List<ZoneId> ZONES = concat(OtherZoneStatsPropertyTest.ZONES, ZoneId.of("Asia/Seoul"));

    private static List<ZoneId> concat(List<ZoneId> zones, ZoneId more) {
        List<ZoneId> all = new ArrayList<>(zones);
        all.add(more);
        return List.copyOf(all);
    }

    @Test
    void quarterHoursGiveTheBoardTheLedgerGivesInEveryZoneAndPeriod() {
        int compared = 0;
        long seed = 20261124;
        for (LocalTime dayStart : List.of(LocalTime.of(5, 0), LocalTime.MIDNIGHT, LocalTime.of(23, 45))) {
            for (int round = 0; round < 3; round++) {
                Instant around = OtherZoneStatsPropertyTest.AROUND[(round * 2 + dayStart.getHour() % 2) % OtherZoneStatsPropertyTest.AROUND.length];
                compared += check(new Random(seed++), new StudyDayPolicy(ZoneId.of("Asia/Seoul"), dayStart), around.minus(Duration.ofDays(4)));
            }
        }
        assertEquals(9 * (5 + 2) * 2 * ZONES.size() * 4, compared);
    }

    @Test
    void aDayStartOffTheQuarterHoursStillAnswersFromTheLedger() {
        LeaderboardRollupsTest.World world = new LeaderboardRollupsTest.World(new StudyDayPolicy(ZoneId.of("Asia/Seoul"), LocalTime.of(5, 10)),
                Instant.parse("2026-11-24T03:00:00.250Z"));
        UserId kim = world.members.getFirst();
        world.join(kim, world.room);
        world.clock.advance(Duration.ofMillis(5_400_500));
        world.leave(kim);
        world.rollups.memberQuarters().replaceAll(Map.of());   // not read: the day start is not on a quarter hour
        for (ZoneId zone : ZONES) {
            for (StudyPeriod period : StudyPeriod.values()) {
                List<LeaderboardEntry> board = world.live.leaderboards().of(world.room, world.members, period, zone);
                assertEquals(world.live.leaderboards().fromLedger(world.room, world.members, period, zone), board, zone + " " + period);
                assertEquals(5400, board.getFirst().studySeconds(), zone + " " + period);
            }
        }
    }

    /** One history in {@code policy}'s days from {@code start}; returns how many boards it compared. */
    private static int check(Random random, StudyDayPolicy policy, Instant start) {
        LeaderboardRollupsTest.World world = new LeaderboardRollupsTest.World(policy, start);
        int compared = 0;
        for (int step = 0; step < 150; step++) {
            world.clock.advance(Duration.ofMillis(pause(random)));
            UserId who = world.members.get(random.nextInt(world.members.size()));
            int roll = random.nextInt(20);
            if (roll == 0) {
                stallAndReap(random, world);
            } else if (world.connections.containsKey(who) && roll < 10) {
                world.leave(who);
            } else if (roll < 16) {
                world.join(who, world.room);   // at most four are let in; the fifth is refused
            } else {
                world.join(who, world.otherRoom);
            }
            if (step % 30 == 29) {
                compared += compare(world, "step " + step);
            }
        }
        assertTrue(cappedAway(world, policy) > 3600, "members passed sixteen hours a day, so the cap was at work");

        // The room is deleted as in production: its live sessions end, its users give its time back, the ledger forgets it.
        world.live.roomClosed(world.room);
        world.stats.forgetRoom(world.room);
        world.ledger.deleteRoom(world.room);
        assertTrue(world.rollups.memberQuarters().all().keySet().stream().noneMatch(m -> m.roomId().equals(world.room.value())));
        compared += compare(world, "after the room's deletion");

        // Member quarters lost (as before an upgrade): boards abroad miss the history until a rebuild restores it.
        world.rollups.memberQuarters().replaceAll(Map.of());
        ZoneId abroad = ZoneId.of("America/Los_Angeles");
        assertFalse(world.live.leaderboards().of(world.otherRoom, world.members, StudyPeriod.ALL, abroad)
                .equals(world.live.leaderboards().fromLedger(world.otherRoom, world.members, StudyPeriod.ALL, abroad)), "the boards read quarters");
        RebuildRollupsUseCase.Report report = world.rebuild.rebuild();
        assertTrue(report.memberQuartersDifferingBefore() > 0 && report.memberQuarters() > 0, report::toString);
        assertEquals(0, report.quartersDifferingBefore(), "the users' quarters were intact");
        assertTrue(report.matches());
        assertEquals(0, world.rebuild.rebuild().memberQuartersDifferingBefore(), "nothing left to repair");
        compared += compare(world, "after a rebuild");
        return compared;
    }

    /** How much the sixteen-hour cap took off the all-time boards: the sessions' counted seconds less the boards' totals. */
    private static long cappedAway(LeaderboardRollupsTest.World world, StudyDayPolicy policy) {
        long away = 0;
        for (RoomId room : List.of(world.room, world.otherRoom)) {
            away += world.ledger.inRoom(room, Instant.EPOCH, world.clock.instant().plusSeconds(1)).stream()
                    .mapToLong(s -> s.counted(world.clock.instant()).toSeconds()).sum();
            away -= world.live.leaderboards().fromLedger(room, world.members, StudyPeriod.ALL, policy.zone()).stream()
                    .mapToLong(LeaderboardEntry::studySeconds).sum();
        }
        return away;
    }

    /** Mostly minutes, sometimes hours, now and then days, always with fractions of a second. */
    private static long pause(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> random.nextInt(8_000);                        // around the five-second minimum
            case 1, 2 -> random.nextLong(12 * 3_600_000L);         // across day starts, over the cap with the running session
            case 3 -> random.nextLong(3 * 86_400_000L);            // into the next week or month
            default -> random.nextLong(5_400_000L);
        };
    }

    /** The node stops beating for a while: some live members beat once more first, then the reaper closes every session at its last beat. */
    private static void stallAndReap(Random random, LeaderboardRollupsTest.World world) {
        for (ConnectionId connection : List.copyOf(world.connections.values())) {
            if (random.nextBoolean()) {
                world.live.pinged(connection);
            }
        }
        world.live.flushPings();
        world.clock.advance(LiveDepartureService.STALE_AFTER.plusMillis(1 + random.nextInt(120_000)));
        assertTrue(world.live.reap() > 0 || world.connections.isEmpty());
        world.connections.clear();
    }

    private static int compare(LeaderboardRollupsTest.World world, String when) {
        int compared = 0;
        for (RoomId room : List.of(world.room, world.otherRoom)) {
            for (ZoneId zone : ZONES) {
                for (StudyPeriod period : StudyPeriod.values()) {
                    List<LeaderboardEntry> expected = world.live.leaderboards().fromLedger(room, world.members, period, zone);
                    assertEquals(expected, world.live.leaderboards().of(room, world.members, period, zone),
                            () -> when + ", " + zone + ", " + period + ", at " + world.clock.instant());
                    compared++;
                }
            }
        }
        return compared;
    }
}
