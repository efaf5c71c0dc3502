package kr.co.stupy.adapter.web.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.StubRateLimits;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery.RankedUser;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery.Standing;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery.UserRanking;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyPeriod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserRankingRoutesTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final UserRankingQuery rankings = mock(UserRankingQuery.class);
    static final StubRateLimits limits = new StubRateLimits();

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new UserRankingRoutes(rankings, SEOUL, limits.readBudget()));

    final UserId me = UserId.newId();
    final UserId kim = UserId.newId();
    final UserId lee = UserId.newId();

    @AfterEach
    void forget() {
        reset(rankings);
        limits.reset();
    }

    @Test
    void theRankingIsOfTodayInTheConfiguredZoneWithTheDefaultLimitInTheContractShape() {
        when(rankings.ranking(me, StudyPeriod.DAY, SEOUL, UserRankingQuery.DEFAULT_LIMIT)).thenReturn(new UserRanking(List.of(
                new RankedUser(1, kim, "kim", Optional.of("abc.png"), 5400, true),
                new RankedUser(1, lee, "lee", Optional.of("https://k.kakaocdn.net/lee.jpg"), 5400, false),
                new RankedUser(3, me, "me", Optional.empty(), 60, false)),
                new Standing(OptionalLong.of(3), 60, OptionalDouble.of(33.3))));

        JsonNode body = web.as(me).get("/api/rankings/users").ok(200);

        assertEquals(List.of("items", "me"), Answer.fieldNames(body));
        JsonNode first = body.get("items").get(0);
        assertEquals(List.of("live", "nickname", "profileImageUrl", "rank", "studySeconds", "userId"), Answer.fieldNames(first));
        assertEquals(1, first.get("rank").asLong());
        assertEquals(kim.value(), first.get("userId").asText());
        assertEquals("kim", first.get("nickname").asText());
        assertEquals("/images/abc.png", first.get("profileImageUrl").asText(), "our own pictures are served under /images/");
        assertEquals(5400, first.get("studySeconds").asLong());
        assertTrue(first.get("live").asBoolean());
        JsonNode second = body.get("items").get(1);
        assertEquals(1, second.get("rank").asLong(), "a tie shares the rank");
        assertEquals("https://k.kakaocdn.net/lee.jpg", second.get("profileImageUrl").asText());
        assertEquals(false, second.get("live").asBoolean());
        assertTrue(body.get("items").get(2).get("profileImageUrl").isNull());
        assertEquals(3, body.get("items").get(2).get("rank").asLong());
        assertEquals(List.of("percentile", "rank", "studySeconds"), Answer.fieldNames(body.get("me")));
        assertEquals(3, body.get("me").get("rank").asLong());
        assertEquals(60, body.get("me").get("studySeconds").asLong());
        assertEquals(33.3, body.get("me").get("percentile").asDouble());
    }

    @Test
    void withoutStudyMyRankAndPercentileAreNull() {
        when(rankings.ranking(any(), any(), any(), anyInt())).thenReturn(new UserRanking(List.of(),
                new Standing(OptionalLong.empty(), 0, OptionalDouble.empty())));

        JsonNode body = web.as(me).get("/api/rankings/users?period=MONTH&limit=100&tz=Asia/Seoul").ok(200);

        verify(rankings).ranking(me, StudyPeriod.MONTH, SEOUL, 100);
        assertEquals(0, body.get("items").size());
        assertTrue(body.get("me").get("rank").isNull());
        assertTrue(body.get("me").get("percentile").isNull());
        assertEquals(0, body.get("me").get("studySeconds").asLong());
    }

    @Test
    void aZoneIsPassedOnForTheServiceToJudge() {
        when(rankings.ranking(any(), any(), any(), anyInt())).thenThrow(InvalidInputException.of("tz", "rankings follow the server's study day"));

        JsonNode problem = web.as(me).get("/api/rankings/users?period=week&tz=Europe/Berlin").problem(400, "VALIDATION_FAILED");

        verify(rankings).ranking(me, StudyPeriod.WEEK, ZoneId.of("Europe/Berlin"), UserRankingQuery.DEFAULT_LIMIT);
        assertEquals("tz", problem.get("errors").get(0).get("field").asText());
        assertEquals("rankings follow the server's study day", problem.get("errors").get(0).get("message").asText());
    }

    @ParameterizedTest
    @CsvSource({"period=all, period", "period=year, period", "limit=0, limit", "limit=101, limit", "limit=many, limit",
            "tz=Mars/Olympus, tz"})
    void aRankingThatCannotBeAskedIs400WithoutReading(String query, String field) {
        assertEquals(List.of(field), web.as(me).get("/api/rankings/users?" + query).invalidFields());
        verifyNoInteractions(rankings);
    }

    @Test
    void mistakesAreReportedTogether() {
        assertEquals(List.of("period", "limit", "tz"), web.as(me).get("/api/rankings/users?period=&limit=-1&tz=nowhere").invalidFields());
        verifyNoInteractions(rankings);
    }

    @Test
    void theRankingSpendsTheReadBudgetAndNeedsAToken() {
        when(rankings.ranking(any(), any(), any(), anyInt())).thenReturn(new UserRanking(List.of(),
                new Standing(OptionalLong.empty(), 0, OptionalDouble.empty())));
        web.as(me).get("/api/rankings/users").ok(200);
        assertEquals(List.of("reads " + me.value()), limits.taken());

        reset(rankings);
        limits.refuse(Duration.ofSeconds(9));
        web.as(me).get("/api/rankings/users").problem(429, "RATE_LIMITED");
        web.anonymous().get("/api/rankings/users").problem(401, "UNAUTHENTICATED");
        verifyNoInteractions(rankings);
    }
}
