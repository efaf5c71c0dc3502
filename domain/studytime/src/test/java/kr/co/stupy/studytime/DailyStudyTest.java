package kr.co.stupy.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

class DailyStudyTest {

    static final UserId USER = UserId.newId();
    static final RoomId ROOM = RoomId.newId();
    static final Instant NOON_KST = Instant.parse("2026-11-24T03:00:00Z");

    static StudySession ended(Instant start, Duration length) {
        return new StudySession(Ids.newId(start), USER, ROOM, start, start.plus(length), Optional.of(start.plus(length)));
    }

    @Test
    void sessionsUnderFiveSecondsDoNotCount() {
        var daily = DailyStudy.of(List.of(ended(NOON_KST, Duration.ofSeconds(4)), ended(NOON_KST.plusSeconds(60), Duration.ofSeconds(5))),
                StudyDayPolicy.DEFAULT, NOON_KST.plusSeconds(3600));
        assertEquals(5, daily.total());
    }

    @Test
    void noDayCountsMoreThanSixteenHours() {
        // Two long sessions on the 24th (05:00 → 17:00 and 17:00 → 04:00 KST) make 23 hours: 16 count.
        Instant dayStart = Instant.parse("2026-11-23T20:00:00Z");
        var daily = DailyStudy.of(List.of(ended(dayStart, Duration.ofHours(12)), ended(dayStart.plus(Duration.ofHours(12)), Duration.ofHours(11))),
                StudyDayPolicy.DEFAULT, dayStart.plus(Duration.ofDays(2)));
        assertEquals(16 * 3600L, daily.seconds().get(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void aRunningSessionCountsUpToNow() {
        StudySession open = StudySession.start(USER, ROOM, NOON_KST);
        assertTrue(open.isOpen());
        var daily = DailyStudy.of(List.of(open), StudyDayPolicy.DEFAULT, NOON_KST.plusSeconds(90));
        assertEquals(90, daily.total());
        assertEquals(Duration.ZERO, open.counted(NOON_KST.plusSeconds(3)));
    }

    @Test
    void totalsCanBeLimitedToSomeDays() {
        var daily = DailyStudy.of(List.of(ended(NOON_KST, Duration.ofHours(1)), ended(NOON_KST.plus(Duration.ofDays(1)), Duration.ofHours(2))),
                StudyDayPolicy.DEFAULT, NOON_KST.plus(Duration.ofDays(3)));
        assertEquals(3 * 3600L, daily.total());
        assertEquals(2 * 3600L, daily.total(day -> day.equals(LocalDate.of(2026, 11, 25))));
    }

    @Test
    void periodsFollowTheStudyDay() {
        // 03:00 KST on Monday 2026-11-30 still belongs to Sunday the 29th.
        Instant earlyMonday = Instant.parse("2026-11-29T18:00:00Z");
        var week = StudyPeriod.WEEK.around(earlyMonday, StudyDayPolicy.DEFAULT).orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 23), week.first());
        assertEquals(LocalDate.of(2026, 11, 29), week.last());
        var month = StudyPeriod.MONTH.around(earlyMonday, StudyDayPolicy.DEFAULT).orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 1), month.first());
        assertEquals(LocalDate.of(2026, 11, 30), month.last());
        assertEquals(Optional.empty(), StudyPeriod.ALL.around(earlyMonday, StudyDayPolicy.DEFAULT));
        assertEquals(Optional.of(StudyPeriod.WEEK), StudyPeriod.parse("week"));
        assertEquals(Optional.empty(), StudyPeriod.parse("year"));
    }
}
