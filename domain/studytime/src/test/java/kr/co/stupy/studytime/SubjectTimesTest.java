package kr.co.stupy.studytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

class SubjectTimesTest {

    static final UserId USER = UserId.newId();
    static final RoomId ROOM = RoomId.newId();
    /** 12:00 in Seoul on 24 November; the study day starts at 05:00. */
    static final Instant NOON_KST = Instant.parse("2026-11-24T03:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final Optional<Subject> MATH = Optional.of(new Subject("수학"));
    static final Optional<Subject> ENGLISH = Optional.of(new Subject("English"));

    static StudySession ended(Instant start, Duration length, Optional<Subject> subject) {
        return new StudySession(Ids.newId(start), USER, ROOM, start, start.plus(length), Optional.of(start.plus(length)), subject);
    }

    @Test
    void timeIsSummedPerSubjectWithNoSubjectUnderEmpty() {
        var times = SubjectTimes.of(List.of(
                ended(NOON_KST, Duration.ofMinutes(30), MATH),
                ended(NOON_KST.plusSeconds(3600), Duration.ofMinutes(20), ENGLISH),
                ended(NOON_KST.plusSeconds(7200), Duration.ofMinutes(10), MATH),
                ended(NOON_KST.plusSeconds(9000), Duration.ofMinutes(5), Optional.empty()),
                ended(NOON_KST.plusSeconds(9600), Duration.ofSeconds(4), ENGLISH)), StudyDayPolicy.DEFAULT, NOON_KST.plusSeconds(20_000), DAY, DAY);

        assertEquals(Map.of(MATH, 2400L, ENGLISH, 1200L, Optional.<Subject>empty(), 300L), times.seconds(), "under five seconds is no study");
        assertEquals(List.of(MATH, ENGLISH, Optional.<Subject>empty()), times.mostFirst().stream().map(Map.Entry::getKey).toList());
    }

    @Test
    void anOpenSessionRunsToNowAndOnlyTheDaysAskedForCount() {
        // 04:00 to 06:00 KST: an hour of the 23rd, an hour of the 24th.
        Instant four = Instant.parse("2026-11-23T19:00:00Z");
        var open = new StudySession(Ids.newId(four), USER, ROOM, four, four, Optional.empty(), MATH);
        var times = SubjectTimes.of(List.of(open), StudyDayPolicy.DEFAULT, four.plusSeconds(7200), DAY, DAY);
        assertEquals(Map.of(MATH, 3600L), times.seconds());
    }

    @Test
    void pastSixteenHoursADaysLatestSecondsAreLeftOutSoSubjectsAddUpToTheCappedDay() {
        Instant dayStart = Instant.parse("2026-11-23T20:00:00Z");   // 05:00 KST on the 24th
        var times = SubjectTimes.of(List.of(
                ended(dayStart, Duration.ofHours(10), MATH),
                ended(dayStart.plus(Duration.ofHours(11)), Duration.ofHours(8), ENGLISH)), StudyDayPolicy.DEFAULT,
                dayStart.plus(Duration.ofHours(23)), DAY, DAY);
        assertEquals(Map.of(MATH, 36_000L, ENGLISH, 21_600L), times.seconds());
        assertEquals(StudyRules.MAX_PER_DAY.toSeconds(), times.total());
    }

    @Test
    void everyDaysSubjectsAddUpToWhatDailyStudyCounts() {
        Random random = new Random(16);
        for (int round = 0; round < 200; round++) {
            List<StudySession> sessions = new ArrayList<>();
            Instant at = NOON_KST.minus(Duration.ofHours(random.nextInt(48)));
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                Duration length = Duration.ofSeconds(random.nextInt(4 * 3600));
                Optional<Subject> subject = List.of(MATH, ENGLISH, Optional.<Subject>empty()).get(random.nextInt(3));
                sessions.add(ended(at, length, subject));
                at = at.plus(length).plusSeconds(random.nextInt(3600));
            }
            Instant now = at.plusSeconds(60);
            DailyStudy daily = DailyStudy.of(sessions, StudyDayPolicy.DEFAULT, now);
            for (LocalDate day : daily.seconds().keySet()) {
                assertEquals(daily.seconds().get(day).longValue(), SubjectTimes.of(sessions, StudyDayPolicy.DEFAULT, now, day, day).total(),
                        "round " + round + ", " + day);
            }
        }
    }

    @Test
    void aSubjectIsOneToTwentyCharactersWrittenAsTheyShow() {
        assertEquals("토익 LC", new Subject("토익 LC").name());
        assertEquals("가".repeat(20), new Subject("가".repeat(20)).name());
        assertEquals("😀".repeat(20), new Subject("😀".repeat(20)).name(), "characters, not UTF-16 units");
        for (String bad : List.of("", " ", "가".repeat(21), " 수학", "수학 ", "수\n학", "a\u200Eb")) {
            assertThrows(IllegalArgumentException.class, () -> new Subject(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new Subject(null));
    }

    @Test
    void aStatusIsReadOnlyInTheContractsSpelling() {
        assertEquals(Optional.of(StudyStatus.STUDYING), StudyStatus.ofKey("studying"));
        assertEquals(Optional.of(StudyStatus.BREAK), StudyStatus.ofKey("break"));
        assertEquals(Optional.empty(), StudyStatus.ofKey("BREAK"));
        assertEquals(Optional.empty(), StudyStatus.ofKey("resting"));
        var state = StudyState.studying(MATH, NOON_KST);
        assertEquals(false, state.differsFrom(StudyStatus.STUDYING, MATH));
        assertEquals(true, state.differsFrom(StudyStatus.STUDYING, ENGLISH));
        assertEquals(true, state.differsFrom(StudyStatus.BREAK, MATH));
    }
}
