package kr.co.stupy.application.studytime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import kr.co.stupy.application.integration.PresenceRunningSessions;
import kr.co.stupy.application.integration.PublicProfilesFromIdentity;
import kr.co.stupy.application.live.service.LivePresenceService;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery.RankedUser;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery.Standing;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery.UserRanking;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyStudy;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.UserPeriodTotals;
import org.junit.jupiter.api.Test;

/**
 * The user ranking on real services and in-memory ports: sessions go through the live rooms, so the
 * users' bucket totals are kept as in production, and every answer is compared with what the ledger's
 * sessions make (running ones to now, every day capped at sixteen hours).
 */
class UserRankingServiceTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final StudyDayPolicy POLICY = StudyDayPolicy.DEFAULT;

    /** The world of the leaderboard tests (ten users, two rooms), with the ranking and the rebuild wired as bootstrap wires them. */
    static final class Ranked {
        final LeaderboardRollupsTest.World world = new LeaderboardRollupsTest.World();
        final RunningSessions running = new PresenceRunningSessions(new LivePresenceService(world.presence));
        final UserRankingService rankings = new UserRankingService(world.rollups.userPeriods(), running,
                new PublicProfilesFromIdentity(world.users), POLICY, world.clock);
        final RollupRebuildService rebuild = new RollupRebuildService(world.ledger, world.rollups, POLICY);

        UserId user(int i) {
            return world.members.get(i);
        }

        void study(UserId user, Duration length) {
            world.join(user, world.room);
            world.clock.advance(length);
            world.leave(user);
        }

        UserRanking ranking(UserId asker, StudyPeriod period, int limit) {
            return rankings.ranking(asker, period, SEOUL, limit);
        }

        /** Each user's seconds in the period as the ledger's sessions make them, running ones counted to now. */
        Map<UserId, Long> fromLedger(StudyPeriod period) {
            Instant now = world.clock.instant();
            StudyPeriod.DayRange days = period.around(now, POLICY).orElseThrow();
            Map<UserId, Long> seconds = new HashMap<>();
            for (UserId member : world.members) {
                DailyStudy daily = DailyStudy.of(world.ledger.ofUser(member, days.start(POLICY), days.end(POLICY)), POLICY, now);
                seconds.put(member, daily.total(days::contains));
            }
            return seconds;
        }

        boolean studying(UserId user) {
            return running.ofUser(user).filter(RunningSessions.RunningSession::studying).isPresent();
        }
    }

    /** The ranking the ledger makes: most first, ties in user id order, ranks shared; and each user's standing. */
    private static void assertAgreesWithTheLedger(Ranked ranked, StudyPeriod period, int limit, String step) {
        Map<UserId, Long> seconds = ranked.fromLedger(period);
        List<UserId> studied = seconds.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<UserId, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(e -> e.getKey().value()))
                .map(Map.Entry::getKey).toList();
        List<String> expected = new ArrayList<>();
        for (UserId user : studied.subList(0, Math.min(limit, studied.size()))) {
            expected.add(rankOf(user, seconds) + " " + user.value() + " " + seconds.get(user) + " " + ranked.studying(user));
        }
        for (UserId asker : ranked.world.members) {
            UserRanking answer = ranked.ranking(asker, period, limit);
            List<String> actual = answer.items().stream()
                    .map(item -> item.rank() + " " + item.userId().value() + " " + item.studySeconds() + " " + item.live()).toList();
            assertEquals(expected, actual, step + " " + period + " limit " + limit);
            long mine = seconds.get(asker);
            Standing standing = mine == 0 ? new Standing(OptionalLong.empty(), 0, OptionalDouble.empty())
                    : new Standing(OptionalLong.of(rankOf(asker, seconds)), mine,
                    OptionalDouble.of(Math.floor(1000.0 * (studied.size() - rankOf(asker, seconds) + 1) / studied.size()) / 10.0));
            assertEquals(standing, answer.me(), step + " " + period + " limit " + limit + " asked by " + asker.value());
        }
    }

    private static long rankOf(UserId user, Map<UserId, Long> seconds) {
        long mine = seconds.get(user);
        return 1 + seconds.values().stream().filter(s -> s > mine).count();
    }

    @Test
    void randomStudyWithRunningSessionsBreaksAndTheDailyCapIsRankedAsTheLedgerSaysToTheSecond() {
        int compared = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            Ranked ranked = new Ranked();
            LeaderboardRollupsTest.World world = ranked.world;
            for (int step = 0; step < 80; step++) {
                // Mostly minutes, sometimes hours: sessions cross 05:00, days pass sixteen hours, weeks and months turn.
                long seconds = random.nextInt(8) == 0 ? random.nextInt(14 * 3600) : random.nextInt(5400);
                world.clock.advance(Duration.ofSeconds(random.nextInt(20) == 0 ? random.nextInt(8) : seconds));
                UserId who = world.members.get(random.nextInt(world.members.size()));
                int roll = random.nextInt(10);
                if (world.connections.containsKey(who) && roll < 4) {
                    world.leave(who);
                } else if (world.connections.containsKey(who) && roll < 6) {
                    // A break ends the running session; studying again starts the next one.
                    world.live.status(world.connections.get(who), random.nextBoolean() ? "break" : "studying", Optional.empty());
                } else if (roll < 8) {
                    world.join(who, world.room);   // at most four are let in; the fifth is refused
                } else {
                    world.join(who, world.otherRoom);
                }
                if (step % 4 == 3) {
                    StudyPeriod period = StudyPeriod.values()[random.nextInt(3)];
                    assertAgreesWithTheLedger(ranked, period, 1 + random.nextInt(6), "seed " + seed + ", step " + step);
                    compared++;
                }
            }
            RebuildRollupsUseCase.Report report = ranked.rebuild.rebuild();
            assertEquals(0, report.userPeriodsDifferingBefore(), "seed " + seed + ": the buckets were kept exactly");
            assertTrue(report.matches());
        }
        assertEquals(6 * 20, compared);
    }

    @Test
    void tiesShareARankAndARunningSessionMovesItsUserUp() {
        Ranked ranked = new Ranked();
        UserId kim = ranked.user(0);
        UserId lee = ranked.user(1);
        UserId park = ranked.user(2);
        UserId nobody = ranked.user(3);
        ranked.study(kim, Duration.ofMinutes(10));
        ranked.study(lee, Duration.ofMinutes(10));
        ranked.world.join(park, ranked.world.room);
        ranked.world.clock.advance(Duration.ofMinutes(4));

        UserRanking before = ranked.ranking(nobody, StudyPeriod.DAY, 20);
        assertEquals(List.of(1L, 1L, 3L), before.items().stream().map(RankedUser::rank).toList());
        assertEquals(List.of(600L, 600L, 240L), before.items().stream().map(RankedUser::studySeconds).toList());
        assertEquals(List.of(false, false, true), before.items().stream().map(RankedUser::live).toList());
        assertEquals("m2", before.items().get(2).nickname());
        assertEquals(new Standing(OptionalLong.empty(), 0, OptionalDouble.empty()), before.me(), "no study: no rank, no percentile");
        assertEquals(new Standing(OptionalLong.of(3), 240, OptionalDouble.of(33.3)), ranked.ranking(park, StudyPeriod.DAY, 20).me());
        assertEquals(new Standing(OptionalLong.of(1), 600, OptionalDouble.of(100.0)), ranked.ranking(kim, StudyPeriod.DAY, 20).me(),
                "a tie for first is ahead of or tied with everyone");

        ranked.world.clock.advance(Duration.ofMinutes(7));   // park's running session: 11 minutes
        UserRanking after = ranked.ranking(kim, StudyPeriod.WEEK, 1);
        assertEquals(List.of(park), after.items().stream().map(RankedUser::userId).toList());
        assertEquals(660, after.items().getFirst().studySeconds());
        assertEquals(new Standing(OptionalLong.of(2), 600, OptionalDouble.of(66.6)), after.me(), "ranked with the running session, unlisted");
    }

    @Test
    void aRunningSessionCountsOnlyUpToSixteenHoursADay() {
        Ranked ranked = new Ranked();
        UserId kim = ranked.user(0);
        UserId lee = ranked.user(1);
        LeaderboardRollupsTest.World world = ranked.world;
        world.clock.set(Instant.parse("2026-11-24T20:00:00Z"));   // 05:00 in Seoul: a study day begins
        world.join(kim, world.room);
        world.join(lee, world.otherRoom);
        world.clock.advance(Duration.ofHours(10));
        world.leave(kim);
        world.join(kim, world.room);   // 10 h finished, the next session runs
        world.clock.advance(Duration.ofHours(5).plusMinutes(59));
        world.leave(lee);   // 15 h 59 min, all of it counts
        world.clock.advance(Duration.ofMinutes(61));   // kim: 10 h finished and 7 h running, 17 h today: 16 count

        for (StudyPeriod period : List.of(StudyPeriod.DAY, StudyPeriod.WEEK, StudyPeriod.MONTH)) {
            UserRanking answer = ranked.ranking(lee, period, 20);
            assertEquals(List.of(16 * 3600L, 16 * 3600L - 60), answer.items().stream().map(RankedUser::studySeconds).toList(), period.name());
            assertEquals(kim, answer.items().getFirst().userId());
            assertEquals(new Standing(OptionalLong.of(2), 16 * 3600L - 60, OptionalDouble.of(50.0)), answer.me());
        }
    }

    @Test
    void aDeletedAccountStillRankedIsShownAsALeftUser() {
        Ranked ranked = new Ranked();
        UserId kim = ranked.user(0);
        ranked.study(kim, Duration.ofMinutes(10));
        ranked.world.users.delete(kim);

        RankedUser listed = ranked.ranking(ranked.user(1), StudyPeriod.MONTH, 20).items().getFirst();

        assertEquals(kim, listed.userId());
        assertEquals(UserRankingService.LEFT_USER, listed.nickname());
        assertEquals(Optional.empty(), listed.profileImage());
    }

    @Test
    void aRebuildRestoresLostBucketsAndADeletedRoomsTimeLeavesTheRanking() {
        Ranked ranked = new Ranked();
        UserId kim = ranked.user(0);
        UserId lee = ranked.user(1);
        ranked.study(kim, Duration.ofMinutes(10));
        ranked.world.join(lee, ranked.world.otherRoom);
        ranked.world.clock.advance(Duration.ofMinutes(5));
        ranked.world.leave(lee);
        UserRanking intact = ranked.ranking(kim, StudyPeriod.WEEK, 20);
        ranked.world.rollups.userPeriods().replaceAll(new UserPeriodTotals.Totals(Map.of(), Map.of()));
        assertEquals(List.of(), ranked.ranking(kim, StudyPeriod.WEEK, 20).items());

        RebuildRollupsUseCase.Report report = ranked.rebuild.rebuild();

        assertEquals(6, report.userPeriods(), "each user's day, week and month");
        assertEquals(8, report.userPeriodsDifferingBefore(), "two raw days and six buckets were lost");
        assertEquals(0, report.differingBefore() + report.periodsDifferingBefore() + report.membersDifferingBefore());
        assertTrue(report.matches());
        assertEquals(intact, ranked.ranking(kim, StudyPeriod.WEEK, 20));

        ranked.world.stats.forgetRoom(ranked.world.room);
        ranked.world.ledger.deleteRoom(ranked.world.room);
        UserRanking left = ranked.ranking(kim, StudyPeriod.WEEK, 20);
        assertEquals(List.of(lee), left.items().stream().map(RankedUser::userId).toList());
        assertEquals(new Standing(OptionalLong.empty(), 0, OptionalDouble.empty()), left.me());
        assertEquals(0, ranked.rebuild.rebuild().userPeriodsDifferingBefore());
    }

    @Test
    void whatCannotBeRankedIsRefusedWithEveryReason() {
        Ranked ranked = new Ranked();
        UserId kim = ranked.user(0);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ranked.rankings.ranking(kim, StudyPeriod.ALL, ZoneId.of("Europe/Berlin"), 101));
        assertEquals(List.of("period", "limit", "tz"), refused.errors().stream().map(InvalidInputException.FieldError::field).toList());
        assertTrue(refused.errors().get(2).message().contains("server's study day"), refused.errors().get(2).message());
        assertEquals("VALIDATION_FAILED", refused.code());
        assertThrows(InvalidInputException.class, () -> ranked.rankings.ranking(kim, StudyPeriod.DAY, SEOUL, 0));
        assertThrows(InvalidInputException.class, () -> ranked.rankings.ranking(kim, StudyPeriod.DAY, ZoneId.of("UTC"), 20));
        assertEquals(0, ranked.rankings.ranking(kim, StudyPeriod.DAY, SEOUL, UserRankingQuery.MAX_LIMIT).items().size());
    }
}
