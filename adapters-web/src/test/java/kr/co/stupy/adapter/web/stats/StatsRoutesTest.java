package kr.co.stupy.adapter.web.stats;

import kr.co.stupy.adapter.web.rooms.RoomSamples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.StubRateLimits;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.WebFixtures;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.studytime.port.in.RoomRankingQuery.RankedRoom;
import kr.co.stupy.application.studytime.port.in.RoomRankingQuery;
import kr.co.stupy.application.studytime.port.in.StudyReportQuery;
import kr.co.stupy.application.studytime.port.in.StudyReportQuery.StudyReport;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.GoalDays;
import kr.co.stupy.studytime.Subject;
import kr.co.stupy.studytime.SubjectTimes;
import java.util.Map;
import java.util.TreeMap;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomFixtures;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudyStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsRoutesTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final StudyReportQuery stats = mock(StudyReportQuery.class);
    static final RoomRankingQuery rankings = mock(RoomRankingQuery.class);
    static final FindRoomsQuery rooms = mock(FindRoomsQuery.class);
    static final StubRateLimits limits = new StubRateLimits();

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new StatsRoutes(stats, rankings, mock(UserRankingQuery.class), rooms, SEOUL,
            limits.readBudget()));

    final UserId me = UserId.newId();

    @AfterEach
    void forget() {
        reset(stats, rankings, rooms);
        limits.reset();
    }

    @Test
    void withoutARangeTheServiceChoosesItInTheConfiguredZone() {
        StudyStats studied = new StudyStats(List.of(
                new StudyStats.Day(LocalDate.of(2026, 11, 1), 3600), new StudyStats.Day(LocalDate.of(2026, 11, 2), 0)), 3600, 0, 1);
        GoalDays goalDays = new GoalDays(new TreeMap<>(Map.of(LocalDate.of(2026, 11, 1), true, LocalDate.of(2026, 11, 2), false)), 1);
        SubjectTimes bySubject = new SubjectTimes(Map.of(Optional.of(new Subject("수학")), 3000L, Optional.empty(), 600L));
        when(stats.report(any(), any(), any(), any())).thenReturn(new StudyReport(studied, Optional.of(new DailyGoal(60)), goalDays, bySubject));
        JsonNode body = web.as(me).get("/api/users/me/stats").ok(200);
        verify(stats).report(me, Optional.empty(), Optional.empty(), SEOUL);
        assertEquals(List.of("bySubject", "currentStreakDays", "days", "goalMinutes", "goalStreakDays", "longestStreakDays", "totalSeconds"),
                Answer.fieldNames(body));
        assertEquals(3600, body.get("totalSeconds").asLong());
        assertEquals(0, body.get("currentStreakDays").asInt());
        assertEquals(1, body.get("longestStreakDays").asInt());
        assertEquals(60, body.get("goalMinutes").asInt());
        assertEquals(1, body.get("goalStreakDays").asInt());
        assertEquals(List.of("date", "goalMet", "seconds"), Answer.fieldNames(body.get("days").get(0)));
        assertEquals("2026-11-01", body.get("days").get(0).get("date").asText());
        assertEquals(3600, body.get("days").get(0).get("seconds").asLong());
        assertEquals(true, body.get("days").get(0).get("goalMet").asBoolean());
        assertEquals("2026-11-02", body.get("days").get(1).get("date").asText());
        assertEquals(false, body.get("days").get(1).get("goalMet").asBoolean());
        assertEquals("수학", body.get("bySubject").get(0).get("subject").asText());
        assertEquals(3000, body.get("bySubject").get(0).get("seconds").asLong());
        assertEquals(true, body.get("bySubject").get(1).get("subject").isNull(), "time with no subject is under null");
        assertEquals(600, body.get("bySubject").get(1).get("seconds").asLong());
    }

    @Test
    void withoutAGoalTheGoalIsNullAndNoDayMetIt() {
        when(stats.report(any(), any(), any(), any())).thenReturn(new StudyReport(new StudyStats(List.of(
                new StudyStats.Day(LocalDate.of(2026, 11, 1), 3600)), 3600, 1, 1), Optional.empty(),
                new GoalDays(new TreeMap<>(Map.of(LocalDate.of(2026, 11, 1), false)), 0), new SubjectTimes(Map.of())));
        JsonNode body = web.as(me).get("/api/users/me/stats").ok(200);
        assertEquals(true, body.get("goalMinutes").isNull());
        assertEquals(0, body.get("goalStreakDays").asInt());
        assertEquals(false, body.get("days").get(0).get("goalMet").asBoolean());
        assertEquals(0, body.get("bySubject").size());
    }

    @Test
    void rangeAndZoneAreReadFromTheQuery() {
        when(stats.report(any(), any(), any(), any())).thenReturn(new StudyReport(new StudyStats(List.of(), 0, 0, 0), Optional.empty(),
                new GoalDays(new TreeMap<>(), 0), new SubjectTimes(Map.of())));
        web.as(me).get("/api/users/me/stats?from=2026-11-01&to=2026-11-30&tz=Europe/Berlin").ok(200);
        verify(stats).report(me, Optional.of(LocalDate.of(2026, 11, 1)), Optional.of(LocalDate.of(2026, 11, 30)),
                ZoneId.of("Europe/Berlin"));
    }

    @Test
    void everyMalformedParameterIsReportedAtOnceWithoutReading() {
        assertEquals(List.of("from", "to", "tz"),
                web.as(me).get("/api/users/me/stats?from=2026-13-01&to=yesterday&tz=Mars/Olympus").invalidFields());
        verifyNoInteractions(stats);
    }

    @Test
    void aRangeTheServiceRefusesIs400() {
        when(stats.report(any(), any(), any(), any())).thenThrow(InvalidInputException.of("from", "at most 366 days"));
        JsonNode problem = web.as(me).get("/api/users/me/stats?from=2020-01-01").problem(400, "VALIDATION_FAILED");
        assertEquals("at most 366 days", problem.get("errors").get(0).get("message").asText());
    }

    @Test
    void theRankingIsOfTheDayWithTheDefaultLimitAndEachRoomInTheRoomShape() {
        Room first = RoomFixtures.room(UserId.newId(), WebFixtures.CREATED_AT);
        Room second = RoomFixtures.room(UserId.newId(), WebFixtures.CREATED_AT);
        when(rankings.ranking(StudyPeriod.DAY, RoomRankingQuery.DEFAULT_LIMIT)).thenReturn(List.of(
                new RankedRoom(1, first.id(), 5400), new RankedRoom(1, second.id(), 5400)));
        when(rooms.views(List.of(first.id(), second.id()))).thenReturn(List.of(RoomSamples.view(second, 1, 4), RoomSamples.view(first, 0, 2)));
        JsonNode body = web.as(me).get("/api/rankings/rooms").ok(200);
        assertEquals(List.of("items", "period"), Answer.fieldNames(body));
        assertEquals("day", body.get("period").asText());
        JsonNode top = body.get("items").get(0);
        assertEquals(List.of("rank", "room", "studySeconds"), Answer.fieldNames(top));
        assertEquals(1, top.get("rank").asLong());
        assertEquals(5400, top.get("studySeconds").asLong());
        assertEquals(first.id().value(), top.get("room").get("id").asText(), "the ranking's order, not the views'");
        assertEquals(2, top.get("room").get("rank").asLong());
        assertEquals(second.id().value(), body.get("items").get(1).get("room").get("id").asText());
        assertEquals(1, body.get("items").get(1).get("room").get("liveCount").asInt());
    }

    @Test
    void aRoomDeletedBetweenTheTwoReadsIsLeftOut() {
        Room kept = RoomFixtures.room(UserId.newId(), WebFixtures.CREATED_AT);
        Room gone = RoomFixtures.room(UserId.newId(), WebFixtures.CREATED_AT);
        when(rankings.ranking(StudyPeriod.WEEK, 5)).thenReturn(List.of(new RankedRoom(1, gone.id(), 90), new RankedRoom(2, kept.id(), 60)));
        when(rooms.views(any())).thenReturn(List.of(RoomSamples.view(kept, 0, 3)));
        JsonNode body = web.as(me).get("/api/rankings/rooms?period=WEEK&limit=5").ok(200);
        assertEquals("week", body.get("period").asText());
        assertEquals(1, body.get("items").size());
        assertEquals(2, body.get("items").get(0).get("rank").asLong());
        assertEquals(kept.id().value(), body.get("items").get(0).get("room").get("id").asText());
    }

    @ParameterizedTest
    @CsvSource({"period=year, period", "limit=0, limit", "limit=101, limit", "limit=many, limit"})
    void aRankingThatCannotBeAskedIs400WithoutReading(String query, String field) {
        assertEquals(List.of(field), web.as(me).get("/api/rankings/rooms?" + query).invalidFields());
        verifyNoInteractions(rankings, rooms);
    }

    @Test
    void mistakesInARankingAreReportedTogether() {
        assertEquals(List.of("period", "limit"), web.as(me).get("/api/rankings/rooms?period=&limit=-1").invalidFields());
        verifyNoInteractions(rankings, rooms);
    }

    @Test
    void bothReadsSpendTheReadBudgetAndAreRefusedWhenItIsEmpty() {
        when(stats.report(any(), any(), any(), any())).thenReturn(new StudyReport(new StudyStats(List.of(), 0, 0, 0), Optional.empty(),
                new GoalDays(new TreeMap<>(), 0), new SubjectTimes(Map.of())));
        when(rankings.ranking(any(), anyInt())).thenReturn(List.of());
        web.as(me).get("/api/users/me/stats").ok(200);
        web.as(me).get("/api/rankings/rooms?period=all").ok(200);
        verify(rankings).ranking(StudyPeriod.ALL, RoomRankingQuery.DEFAULT_LIMIT);
        assertEquals(List.of("reads " + me.value(), "reads " + me.value()), limits.taken());

        reset(stats, rankings);
        limits.refuse(Duration.ofSeconds(9));
        Answer stat = web.as(me).get("/api/users/me/stats");
        stat.problem(429, "RATE_LIMITED");
        assertEquals("9", stat.header("Retry-After"));
        web.as(me).get("/api/rankings/rooms").problem(429, "RATE_LIMITED");
        verifyNoInteractions(stats, rankings);
    }

    @Test
    void statisticsAndRankingsNeedAToken() {
        web.anonymous().get("/api/users/me/stats").problem(401, "UNAUTHENTICATED");
        web.anonymous().get("/api/rankings/rooms").problem(401, "UNAUTHENTICATED");
        verifyNoInteractions(stats, rankings, rooms);
        assertEquals(List.of(), limits.taken());
    }
}
