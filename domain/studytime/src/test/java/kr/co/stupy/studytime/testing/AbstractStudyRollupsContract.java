package kr.co.stupy.studytime.testing;

import static kr.co.stupy.studytime.StudyPeriod.DAY;
import static kr.co.stupy.studytime.StudyPeriod.MONTH;
import static kr.co.stupy.studytime.StudyPeriod.WEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudyRollups.BucketKey;
import kr.co.stupy.studytime.StudyRollups.DayKey;
import kr.co.stupy.studytime.StudyRollups.MemberDayKey;
import kr.co.stupy.studytime.StudyRollups.MemberKey;
import kr.co.stupy.studytime.StudyRollups.MemberPeriodKey;
import kr.co.stupy.studytime.StudyRollups.Totals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StudyRollups} promises. Extend it once per implementation. */
public abstract class AbstractStudyRollupsContract {

    protected static final LocalDate D1 = LocalDate.of(2026, 11, 30);
    protected static final LocalDate D2 = LocalDate.of(2026, 12, 1);
    protected StudyRollups rollups;
    protected final UserId kim = UserId.newId();
    protected final UserId lee = UserId.newId();
    protected final RoomId room = RoomId.newId();
    protected final RoomId otherRoom = RoomId.newId();

    protected abstract StudyRollups createRollups();

    @BeforeEach
    void setUpRollups() {
        rollups = createRollups();
    }

    private static TreeMap<LocalDate, Long> days(Object... dayAndSeconds) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        for (int i = 0; i < dayAndSeconds.length; i += 2) {
            days.put((LocalDate) dayAndSeconds[i], ((Number) dayAndSeconds[i + 1]).longValue());
        }
        return days;
    }

    @Test
    void sessionsAddUpPerUserAndDayAcrossRooms() {
        rollups.add(kim, room, days(D1, 600, D2, 120));
        rollups.add(kim, otherRoom, days(D2, 30));
        rollups.add(lee, room, days(D1, 50));

        assertEquals(days(D1, 600, D2, 150), rollups.ofUser(kim, D1, D2));
        assertEquals(days(D2, 150), rollups.ofUser(kim, D2, D2.plusDays(5)));
        assertEquals(days(D1, 50), rollups.ofUser(lee, D1.minusDays(400), D2));
        assertEquals(days(), rollups.ofUser(UserId.newId(), D1, D2));
    }

    private static PeriodBucket bucket(StudyPeriod period, LocalDate day) {
        return PeriodBucket.containing(period, day);
    }

    @Test
    void periodBucketsSumEachRoomOverItsDayWeekAndMonth() {
        // D1 is a Monday, D2 the Tuesday after it and the 1st of December: one week, two months.
        rollups.add(kim, room, days(D1, 600, D2, 120));
        rollups.add(lee, room, days(D2, 80));
        rollups.add(lee, otherRoom, days(D1, 5));
        rollups.add(lee, otherRoom, days(D1.minusDays(1), 40));   // the Sunday before: the week before, still November

        assertEquals(Map.of(room, 600L, otherRoom, 5L), rollups.ofRooms(bucket(DAY, D1)));
        assertEquals(Map.of(room, 200L), rollups.ofRooms(bucket(DAY, D2)));
        assertEquals(Map.of(room, 800L, otherRoom, 5L), rollups.ofRooms(bucket(WEEK, D2)));
        assertEquals(Map.of(otherRoom, 40L), rollups.ofRooms(bucket(WEEK, D1.minusDays(1))));
        assertEquals(Map.of(room, 600L, otherRoom, 45L), rollups.ofRooms(bucket(MONTH, D1)));
        assertEquals(Map.of(room, 200L), rollups.ofRooms(bucket(MONTH, D2)));
        assertEquals(Map.of(), rollups.ofRooms(bucket(MONTH, D2.plusMonths(1))));
        assertEquals(Totals.bucketsOf(rollups.all().rooms()), rollups.all().buckets(), "buckets are the room-day totals summed");
    }

    @Test
    void takingTimeBackLeavesNoEmptyTotalsBehind() {
        rollups.add(kim, room, days(D1, 600));
        rollups.add(kim, otherRoom, days(D1, 60));
        rollups.add(kim, room, days(D1, -600));

        assertEquals(Map.of(otherRoom, 60L), rollups.ofRooms(bucket(DAY, D1)));
        rollups.deleteRoom(room);

        assertEquals(days(D1, 60), rollups.ofUser(kim, D1, D1));
        assertEquals(Map.of(otherRoom, 60L), rollups.ofRooms(bucket(WEEK, D1)));
        Totals left = rollups.all();
        assertEquals(Map.of(new DayKey(kim.value(), D1), 60L), left.users());
        assertEquals(Map.of(new DayKey(otherRoom.value(), D1), 60L), left.rooms());
        assertEquals(Map.of(new MemberDayKey(otherRoom.value(), kim.value(), D1), 60L), left.memberDays());
        assertEquals(Totals.memberPeriodsOf(left.memberDays()), left.memberPeriods());
    }

    @Test
    void deletingARoomTakesItOutOfEveryBucket() {
        rollups.add(kim, room, days(D1, 600, D2, 30));
        rollups.add(lee, otherRoom, days(D2, 70));

        rollups.deleteRoom(room);

        for (LocalDate day : java.util.List.of(D1, D2)) {
            for (StudyPeriod period : PeriodBucket.PERIODS) {
                assertFalse(rollups.ofRooms(bucket(period, day)).containsKey(room), period + " of " + day);
            }
        }
        assertEquals(Map.of(otherRoom, 70L), rollups.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(new BucketKey(bucket(DAY, D2), otherRoom.value()), 70L, new BucketKey(bucket(WEEK, D2), otherRoom.value()), 70L,
                new BucketKey(bucket(MONTH, D2), otherRoom.value()), 70L), rollups.all().buckets());
    }

    @Test
    void replacingEverythingIsWhatIsReadBack() {
        rollups.add(kim, room, days(D1, 999));
        Totals rebuilt = new Totals(Map.of(new DayKey(lee.value(), D2), 70L, new DayKey(kim.value(), D1), 10L),
                Map.of(new DayKey(room.value(), D1), 10L, new DayKey(otherRoom.value(), D2), 70L));

        rollups.replaceAll(rebuilt);

        assertEquals(rebuilt, rollups.all());
        assertEquals(days(D1, 10), rollups.ofUser(kim, D1, D2));
        assertEquals(Map.of(room, 10L, otherRoom, 70L), rollups.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(otherRoom, 70L), rollups.ofRooms(bucket(MONTH, D2)));
        assertEquals(Map.of(room, 10L), rollups.ofRooms(bucket(DAY, D1)));
    }

    @Test
    void bucketsAreStoredAndReadBackAsTheyAreNotDerivedOnReading() {
        // A rebuild can only repair buckets that drifted from the day totals if it reads them as stored.
        Map<DayKey, Long> roomDays = Map.of(new DayKey(room.value(), D1), 10L);
        Totals drifted = new Totals(Map.of(new DayKey(kim.value(), D1), 10L), roomDays,
                Map.of(new BucketKey(bucket(WEEK, D1), room.value()), 99L));

        rollups.replaceAll(drifted);

        assertEquals(drifted, rollups.all());
        assertEquals(Map.of(room, 99L), rollups.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(), rollups.ofRooms(bucket(DAY, D1)));
    }

    @Test
    void concurrentAdditionsAreNeverLost() {
        int threads = 8;
        int each = 25;
        Parallel.run(threads, t -> {
            for (int i = 0; i < each; i++) {
                rollups.add(kim, room, days(D1, 1, D2, 2));
            }
            return null;
        });
        assertEquals(days(D1, threads * each, D2, 2 * threads * each), rollups.ofUser(kim, D1, D2));
        assertEquals(Map.of(room, 3L * threads * each), rollups.ofRooms(bucket(WEEK, D1)));
        assertEquals(Map.of(room, 2L * threads * each), rollups.ofRooms(bucket(MONTH, D2)));
    }

    private static final long HOUR = 3_600;

    @Test
    void memberTotalsCapEachDayAtSixteenHoursInWeeksMonthsAndAllTime() {
        rollups.add(kim, room, days(D1, 10 * HOUR));
        rollups.add(kim, room, days(D1, 10 * HOUR, D2, HOUR));   // D1 holds 20 h: 16 count
        rollups.add(lee, room, days(D1, 100));
        rollups.add(kim, otherRoom, days(D1, HOUR));             // another room's day is capped on its own

        UserId stranger = UserId.newId();
        assertEquals(Map.of(kim, days(D1, 20 * HOUR, D2, HOUR), lee, days(D1, 100)),
                rollups.ofMemberDays(room, List.of(kim, lee, stranger), List.of(D1, D2)), "day totals are raw sums");
        assertEquals(Map.of(kim, days(D2, HOUR)), rollups.ofMemberDays(room, List.of(kim), List.of(D2)));
        assertEquals(Map.of(kim, 17 * HOUR, lee, 100L), rollups.ofMembers(room, List.of(kim, lee, stranger), Optional.of(bucket(WEEK, D1))));
        assertEquals(Map.of(kim, 16 * HOUR, lee, 100L), rollups.ofMembers(room, List.of(kim, lee), Optional.of(bucket(MONTH, D1))));
        assertEquals(Map.of(kim, HOUR), rollups.ofMembers(room, List.of(kim, lee), Optional.of(bucket(MONTH, D2))));
        assertEquals(Map.of(kim, 17 * HOUR, lee, 100L), rollups.ofMembers(room, List.of(kim, lee), Optional.empty()));
        assertEquals(Map.of(kim, HOUR), rollups.ofMembers(otherRoom, List.of(kim, lee), Optional.empty()));
        assertEquals(Map.of(lee, 100L), rollups.ofMembers(room, List.of(lee), Optional.empty()), "only the members asked for");

        rollups.add(kim, room, days(D1, -10 * HOUR));   // back under the cap: all 10 h count again
        assertEquals(Map.of(kim, 11 * HOUR), rollups.ofMembers(room, List.of(kim), Optional.of(bucket(WEEK, D2))));
        Totals stored = rollups.all();
        assertEquals(Totals.memberPeriodsOf(stored.memberDays()), stored.memberPeriods(), "periods are the capped days summed");
        assertEquals(Map.of(new MemberDayKey(room.value(), kim.value(), D1), 10 * HOUR, new MemberDayKey(room.value(), kim.value(), D2), HOUR,
                new MemberDayKey(room.value(), lee.value(), D1), 100L, new MemberDayKey(otherRoom.value(), kim.value(), D1), HOUR),
                stored.memberDays());
    }

    @Test
    void deletingARoomForgetsItsMembersTotals() {
        rollups.add(kim, room, days(D1, 600, D2, 30));
        rollups.add(kim, otherRoom, days(D2, 70));

        rollups.deleteRoom(room);

        assertEquals(Map.of(), rollups.ofMemberDays(room, List.of(kim), List.of(D1, D2)));
        assertEquals(Map.of(), rollups.ofMembers(room, List.of(kim), Optional.empty()));
        assertEquals(Map.of(), rollups.ofMembers(room, List.of(kim), Optional.of(bucket(WEEK, D1))));
        assertEquals(Map.of(kim, 70L), rollups.ofMembers(otherRoom, List.of(kim), Optional.of(bucket(MONTH, D2))));
        assertEquals(Map.of(new MemberDayKey(otherRoom.value(), kim.value(), D2), 70L), rollups.all().memberDays());
    }

    @Test
    void memberTotalsAreReplacedAndReadBackAsStored() {
        rollups.add(kim, room, days(D1, 999));
        Map<MemberDayKey, Long> memberDays = Map.of(new MemberDayKey(room.value(), lee.value(), D1), 20 * HOUR,
                new MemberDayKey(room.value(), lee.value(), D2), 50L);
        Totals rebuilt = Totals.derived(Map.of(new DayKey(lee.value(), D1), 20 * HOUR + 50), Map.of(new DayKey(room.value(), D1), 20 * HOUR + 50),
                memberDays);

        rollups.replaceAll(rebuilt);

        assertEquals(rebuilt, rollups.all());
        assertEquals(Map.of(lee, days(D1, 20 * HOUR, D2, 50)), rollups.ofMemberDays(room, List.of(kim, lee), List.of(D1, D2)));
        assertEquals(Map.of(lee, 16 * HOUR + 50), rollups.ofMembers(room, List.of(kim, lee), Optional.empty()));

        // Drifted period totals are kept as they are, so a rebuild can see and repair them.
        Totals drifted = new Totals(Map.of(), Map.of(), Map.of(), memberDays,
                Map.of(new MemberPeriodKey(room.value(), lee.value(), Optional.empty()), 5L));
        rollups.replaceAll(drifted);
        assertEquals(drifted, rollups.all());
        assertEquals(Map.of(lee, 5L), rollups.ofMembers(room, List.of(lee), Optional.empty()));
        assertEquals(Map.of(), rollups.ofMembers(room, List.of(lee), Optional.of(bucket(WEEK, D1))));
    }

    @Test
    void concurrentAdditionsAcrossTheCapAddUpToExactlySixteenHours() {
        int threads = 8;
        int each = 5;
        Parallel.run(threads, t -> {
            for (int i = 0; i < each; i++) {
                rollups.add(kim, room, days(D1, HOUR / 2, D2, 1));
            }
            return null;
        });
        // 40 half hours make 20 h on D1, of which 16 count; D2 gets 40 s.
        assertEquals(Map.of(kim, days(D1, 20 * HOUR, D2, 40)), rollups.ofMemberDays(room, List.of(kim), List.of(D1, D2)));
        assertEquals(Map.of(kim, 16 * HOUR + 40), rollups.ofMembers(room, List.of(kim), Optional.of(bucket(WEEK, D1))));
        assertEquals(Map.of(kim, 16 * HOUR), rollups.ofMembers(room, List.of(kim), Optional.of(bucket(MONTH, D1))));
        assertEquals(Map.of(kim, 16 * HOUR + 40), rollups.ofMembers(room, List.of(kim), Optional.empty()));
    }

    @Test
    void quarterHoursAddUpPerUserAreReadByUtcDateAndTakenBack() {
        Instant start = Instant.parse("2026-11-30T23:50:00.300Z");
        QuarterHours session = QuarterHours.of(start, start.plusSeconds(1800));
        rollups.addQuarters(kim, room, session);
        rollups.addQuarters(kim, otherRoom, session);
        rollups.addQuarters(lee, room, QuarterHours.of(start, start.plusSeconds(60)));
        QuarterHours twice = session.plus(session);
        assertEquals(twice, rollups.quartersOfUser(kim, D1, D2));
        assertEquals(Map.of(Instant.parse("2026-11-30T23:45:00Z"), 2 * 599L),
                rollups.quartersOfUser(kim, D1, D1).seconds());
        assertEquals(twice.corrections(), rollups.quartersOfUser(kim, D1, D1).corrections());   // under its first quarter's date
        assertEquals(Map.of(kim.value(), twice, lee.value(), QuarterHours.of(start, start.plusSeconds(60))),
                rollups.allQuarters());
        rollups.addQuarters(kim, room, session.negated());
        rollups.addQuarters(kim, otherRoom, session.negated());
        assertEquals(QuarterHours.NONE, rollups.quartersOfUser(kim, D1, D2));
        assertEquals(Map.of(lee.value(), QuarterHours.of(start, start.plusSeconds(60))), rollups.allQuarters());
        rollups.replaceAllQuarters(Map.of(kim.value(), session));
        assertEquals(Map.of(kim.value(), session), rollups.allQuarters());
        assertEquals(session, rollups.quartersOfUser(kim, D1, D2));
    }

    /** From 23:50:00.3 on D1 for half an hour (UTC): quarters under D1 and D2, and a correction under D1. */
    private static final Instant LATE_START = Instant.parse("2026-11-30T23:50:00.300Z");
    private static final QuarterHours LATE = QuarterHours.of(LATE_START, LATE_START.plusSeconds(1800));
    private static final QuarterHours MINUTE = QuarterHours.of(LATE_START, LATE_START.plusSeconds(60));
    private static final LocalDate YEAR_BEFORE = LocalDate.of(2025, 11, 30);
    private static final QuarterHours OLD = QuarterHours.of(Instant.parse("2025-11-30T10:00:00Z"), Instant.parse("2025-11-30T10:10:00Z"));

    private MemberKey member(RoomId where, UserId who) {
        return new MemberKey(where.value(), who.value());
    }

    @Test
    void memberQuarterHoursAreKeptPerRoomAndReadByUtcDateOrAllTime() {
        rollups.addQuarters(kim, room, LATE);
        rollups.addQuarters(kim, room, OLD);
        rollups.addQuarters(kim, otherRoom, MINUTE);
        rollups.addQuarters(lee, room, MINUTE);
        UserId stranger = UserId.newId();

        assertEquals(Map.of(kim, LATE.storedUnder(D1, D1), lee, MINUTE), rollups.quartersOfMembers(room, List.of(kim, lee, stranger), D1, D1));
        assertEquals(Map.of(kim, LATE), rollups.quartersOfMembers(room, List.of(kim), D1, D2));
        assertEquals(Map.of(kim, OLD), rollups.quartersOfMembers(room, List.of(kim, lee), YEAR_BEFORE, YEAR_BEFORE));
        assertEquals(Map.of(), rollups.quartersOfMembers(room, List.of(kim, lee), D2.plusDays(1), D2.plusDays(40)));
        assertEquals(Map.of(kim, LATE.plus(OLD), lee, MINUTE), rollups.allQuartersOfMembers(room, List.of(kim, lee, stranger)),
                "all time finds a year-old date too");
        assertEquals(Map.of(kim, MINUTE), rollups.allQuartersOfMembers(otherRoom, List.of(kim, lee)));
        assertEquals(Map.of(lee, MINUTE), rollups.allQuartersOfMembers(room, List.of(lee)), "only the members asked for");
        assertEquals(Map.of(), rollups.allQuartersOfMembers(room, List.of()));
        assertEquals(LATE.plus(OLD).plus(MINUTE), rollups.quartersOfUser(kim, YEAR_BEFORE, D2), "a user's quarters hold every room's");
        assertEquals(Map.of(member(room, kim), LATE.plus(OLD), member(room, lee), MINUTE, member(otherRoom, kim), MINUTE),
                rollups.allMemberQuarters());
    }

    @Test
    void deletingARoomForgetsItsMembersQuarterHoursAfterItsUsersGaveThemBack() {
        rollups.addQuarters(kim, room, LATE);
        rollups.addQuarters(kim, room, OLD);
        rollups.addQuarters(kim, otherRoom, MINUTE);

        // What a room's deletion does: its finished sessions are taken back from their users, then the room's totals go.
        rollups.addQuarters(kim, room, LATE.negated());
        rollups.addQuarters(kim, room, OLD.negated());
        rollups.deleteRoom(room);

        assertEquals(Map.of(), rollups.quartersOfMembers(room, List.of(kim), D1, D2));
        assertEquals(Map.of(), rollups.allQuartersOfMembers(room, List.of(kim)));
        assertEquals(Map.of(kim, MINUTE), rollups.allQuartersOfMembers(otherRoom, List.of(kim)));
        assertEquals(MINUTE, rollups.quartersOfUser(kim, YEAR_BEFORE, D2));
        assertEquals(Map.of(member(otherRoom, kim), MINUTE), rollups.allMemberQuarters());
        assertEquals(Map.of(kim.value(), MINUTE), rollups.allQuarters());
    }

    @Test
    void memberQuarterHoursAreReplacedAndReadBackAsStored() {
        rollups.addQuarters(kim, room, LATE);
        Map<MemberKey, QuarterHours> rebuilt = Map.of(member(room, lee), LATE.plus(OLD), member(otherRoom, kim), MINUTE);

        rollups.replaceAllMemberQuarters(rebuilt);

        assertEquals(rebuilt, rollups.allMemberQuarters());
        assertEquals(Map.of(lee, LATE.plus(OLD)), rollups.allQuartersOfMembers(room, List.of(kim, lee)));
        assertEquals(Map.of(lee, OLD), rollups.quartersOfMembers(room, List.of(kim, lee), YEAR_BEFORE, YEAR_BEFORE));
        assertEquals(Map.of(kim, MINUTE), rollups.quartersOfMembers(otherRoom, List.of(kim, lee), D1, D2));
        assertEquals(Map.of(kim.value(), LATE), rollups.allQuarters(), "the users' quarters are replaced on their own");

        // Added after a rebuild, a new date is found by all time like the rebuilt ones.
        Instant later = D2.plusDays(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        QuarterHours added = QuarterHours.of(later, later.plusSeconds(30));
        rollups.addQuarters(lee, room, added);
        assertEquals(Map.of(lee, LATE.plus(OLD).plus(added)), rollups.allQuartersOfMembers(room, List.of(lee)));
    }

    @Test
    void concurrentQuarterHoursAreNeverLost() {
        int threads = 8;
        int each = 5;
        Parallel.run(threads, t -> {
            for (int i = 0; i < each; i++) {
                rollups.addQuarters(kim, room, LATE);
            }
            return null;
        });
        QuarterHours all = QuarterHours.NONE;
        for (int i = 0; i < threads * each; i++) {
            all = all.plus(LATE);
        }
        assertEquals(Map.of(kim, all), rollups.allQuartersOfMembers(room, List.of(kim)));
        assertEquals(all, rollups.quartersOfUser(kim, D1, D2));
    }
}
