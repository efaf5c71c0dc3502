package kr.co.stupy.application.studytime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import kr.co.stupy.application.integration.PresenceRunningSessions;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.service.LivePresenceService;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyStats;
import kr.co.stupy.studytime.testing.InMemoryStudyLedger;
import kr.co.stupy.studytime.testing.InMemoryStudyRollups;
import org.junit.jupiter.api.Test;

/**
 * Statistics in a zone other than the configured one, summed from the users' quarter hours, equal
 * what the ledger's sessions make, to the second, for random sessions (fractions of a second, across
 * day starts, midnights and daylight saving changes, over the sixteen-hour cap) in zones with odd
 * offsets and moving clocks, also after a room's time is taken back and after a rebuild.
 */
class OtherZoneStatsPropertyTest {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Australia/Adelaide"), ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Chatham"), ZoneId.of("UTC"));
    /** Around Europe's and America's changes in March and Australia's in April and October. */
    static final Instant[] AROUND = {Instant.parse("2026-03-08T10:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
            Instant.parse("2026-04-04T16:30:00Z"), Instant.parse("2026-10-03T16:30:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
            Instant.parse("2026-11-01T09:00:00Z")};

    @Test
    void quarterHoursAnswerWhatTheLedgerAnswersInEveryZone() {
        Random random = new Random(20261124);
        for (LocalTime dayStart : List.of(LocalTime.of(5, 0), LocalTime.MIDNIGHT, LocalTime.of(23, 45))) {
            for (int round = 0; round < 12; round++) {
                check(random, new StudyDayPolicy(ZoneId.of("Asia/Seoul"), dayStart), AROUND[round % AROUND.length]);
            }
        }
    }

    @Test
    void aDayStartOffTheQuarterHoursStillAnswersFromTheLedger() {
        StudyDayPolicy policy = new StudyDayPolicy(ZoneId.of("Asia/Seoul"), LocalTime.of(5, 10));
        assertTrue(!QuarterHours.fits(policy.inZone(ZoneId.of("Asia/Kathmandu")), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z"));
        InMemoryStudyLedger ledger = new InMemoryStudyLedger();
        StudyRollups rollups = InMemoryStudyRollups.create();   // no quarter hours at all: they are not read
        StudyStatsService stats = new StudyStatsService(ledger, rollups, RunningSessions.none(), MapRoomTotals.none(), policy, clock);
        UserId kim = UserId.newId();
        StudySession session = StudySession.start(kim, RoomId.newId(), Instant.parse("2026-11-20T10:00:00.250Z"));
        ledger.begin(session);
        ledger.end(session.id(), Instant.parse("2026-11-20T11:30:00Z"));
        for (ZoneId zone : ZONES) {
            StudyStats answered = stats.stats(kim, Optional.empty(), Optional.empty(), zone);
            assertEquals(stats.statsFromLedger(kim, Optional.empty(), Optional.empty(), zone), answered);
            assertEquals(5399, answered.totalSeconds(), zone::toString);
        }
    }

    private void check(Random random, StudyDayPolicy policy, Instant around) {
        MutableClock clock = new MutableClock(around.plusSeconds(20 * 86_400L));
        InMemoryStudyLedger ledger = new InMemoryStudyLedger();
        StudyRollups rollups = InMemoryStudyRollups.create();
        InProcessPresence presence = new InProcessPresence();
        StudyStatsService stats = new StudyStatsService(ledger, rollups, new PresenceRunningSessions(new LivePresenceService(presence)), MapRoomTotals.none(), policy, clock);
        List<UserId> users = List.of(UserId.newId(), UserId.newId());
        List<RoomId> rooms = List.of(RoomId.newId(), RoomId.newId());
        for (int i = 0; i < 60; i++) {
            UserId user = users.get(random.nextInt(users.size()));
            RoomId room = rooms.get(random.nextInt(rooms.size()));
            // Every session is over by now (the clock), as finished sessions are.
            Instant start = around.plusMillis(Math.min((long) (random.nextGaussian() * 6 * 86_400_000L), 19 * 86_400_000L));
            long millis = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(10_000);                 // around the five-second minimum
                case 1 -> random.nextInt(3_600_000);              // up to an hour
                case 2 -> random.nextInt(18 * 3_600_000);         // up to 18 hours: across day starts, over the cap
                default -> random.nextInt(3) * 900_000L + random.nextInt(2_000);   // about whole quarters
            };
            StudySession session = StudySession.start(user, room, start);
            ledger.begin(session);
            StudySession finished = ledger.end(session.id(), start.plusMillis(millis)).orElseThrow();
            var pieces = StudyRollups.piecesOf(finished, policy);
            if (!pieces.isEmpty()) {
                rollups.userDays().add(user, pieces);
                rollups.roomPeriods().add(room, pieces);
                rollups.memberTotals().add(user, room, pieces);
                rollups.userQuarters().add(user, QuarterHours.of(finished));
                rollups.memberQuarters().add(user, room, QuarterHours.of(finished));
                rollups.userPeriods().add(user, pieces);
            }
        }
        compare(stats, users, policy);
        RollupRebuildService rebuild = new RollupRebuildService(ledger, rollups, policy);
        // Sessions of up to 18 hours across day starts: the users' ranking buckets, capped as each session was added, are what the ledger makes.
        RebuildRollupsUseCase.Report intact = rebuild.rebuild();
        assertEquals(0, intact.userPeriodsDifferingBefore(), intact::toString);
        assertEquals(0, intact.differingBefore() + intact.periodsDifferingBefore() + intact.membersDifferingBefore(), intact::toString);
        stats.forgetRoom(rooms.get(0));
        ledger.deleteRoom(rooms.get(0));
        compare(stats, users, policy);
        assertEquals(0, rebuild.rebuild().userPeriodsDifferingBefore(), "the room's time is taken back from the users' buckets, cap and all");
        rollups.userQuarters().replaceAll(java.util.Map.of());
        assertTrue(rebuild.rebuild().quartersDifferingBefore() > 0 || rollups.userQuarters().all().isEmpty());
        assertTrue(rebuild.rebuild().matches());
        assertEquals(0, rebuild.rebuild().quartersDifferingBefore());
        compare(stats, users, policy);
    }

    private static void compare(StudyStatsService stats, List<UserId> users, StudyDayPolicy policy) {
        for (ZoneId zone : ZONES) {
            assertTrue(QuarterHours.fits(policy.inZone(zone), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), zone::toString);
            for (UserId user : users) {
                for (Optional<LocalDate> from : List.of(Optional.<LocalDate>empty(), Optional.of(LocalDate.of(2026, 2, 20)))) {
                    Optional<LocalDate> to = from.map(f -> LocalDate.of(2026, 11, 20));
                    StudyStats expected = stats.statsFromLedger(user, from, to, zone);
                    StudyStats actual = stats.stats(user, from, to, zone);
                    assertEquals(expected, actual, () -> zone + " " + policy.dayStart() + " " + from);
                }
            }
        }
    }
}
