package kr.co.stupy.adapter.web.stats;

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
import kr.co.stupy.application.studytime.port.in.StudyStatsQuery;
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
    static final StudyStatsQuery stats = mock(StudyStatsQuery.class);
    static final RoomRankingQuery rankings = mock(RoomRankingQuery.class);
    static final FindRoomsQuery rooms = mock(FindRoomsQuery.class);
    static final StubRateLimits limits = new StubRateLimits();

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new StatsRoutes(stats, rankings, rooms, SEOUL, limits.readBudget()));

    final UserId me = UserId.newId();

    @AfterEach
    void forget() {
        reset(stats, rankings, rooms);
        limits.reset();
    }

    @Test
    void withoutARangeTheServiceChoosesItInTheConfiguredZone() {
        when(stats.stats(any(), any(), any(), any())).thenReturn(new StudyStats(List.of(
                new StudyStats.Day(LocalDate.of(2026, 11, 1), 3600), new StudyStats.Day(LocalDate.of(2026, 11, 2), 0)), 3600, 0, 1));
        JsonNode body = web.as(me).get("/api/users/me/stats").ok(200);
        verify(stats).stats(me, Optional.empty(), Optional.empty(), SEOUL);
        assertEquals(List.of("currentStreakDays", "days", "longestStreakDays", "totalSeconds"), Answer.fieldNames(body));
        assertEquals(3600, body.get("totalSeconds").asLong());
        assertEquals(0, body.get("currentStreakDays").asInt());
        assertEquals(1, body.get("longestStreakDays").asInt());
        assertEquals(List.of("date", "seconds"), Answer.fieldNames(body.get("days").get(0)));
        assertEquals("2026-11-01", body.get("days").get(0).get("date").asText());
        assertEquals(3600, body.get("days").get(0).get("seconds").asLong());
        assertEquals("2026-11-02", body.get("days").get(1).get("date").asText());
    }

    @Test
    void rangeAndZoneAreReadFromTheQuery() {
        when(stats.stats(any(), any(), any(), any())).thenReturn(new StudyStats(List.of(), 0, 0, 0));
        web.as(me).get("/api/users/me/stats?from=2026-11-01&to=2026-11-30&tz=Europe/Berlin").ok(200);
        verify(stats).stats(me, Optional.of(LocalDate.of(2026, 11, 1)), Optional.of(LocalDate.of(2026, 11, 30)),
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
        when(stats.stats(any(), any(), any(), any())).thenThrow(InvalidInputException.of("from", "at most 366 days"));
        JsonNode problem = web.as(me).get("/api/users/me/stats?from=2020-01-01").problem(400, "VALIDATION_FAILED");
        assertEquals("at most 366 days", problem.get("errors").get(0).get("message").asText());
    }

    @Test
    void theRankingIsOfTheDayWithTheDefaultLimitAndEachRoomInTheRoomShape() {
        Room first = RoomFixtures.room(UserId.newId(), WebFixtures.CREATED_AT);
        Room second = RoomFixtures.room(UserId.newId(), WebFixtures.CREATED_AT);
        when(rankings.ranking(StudyPeriod.DAY, RoomRankingQuery.DEFAULT_LIMIT)).thenReturn(List.of(
                new RankedRoom(1, first.id(), 5400), new RankedRoom(1, second.id(), 5400)));
        when(rooms.views(List.of(first.id(), second.id()))).thenReturn(List.of(new RoomView(second, 1, 4), new RoomView(first, 0, 2)));
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
        when(rooms.views(any())).thenReturn(List.of(new RoomView(kept, 0, 3)));
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
        when(stats.stats(any(), any(), any(), any())).thenReturn(new StudyStats(List.of(), 0, 0, 0));
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
