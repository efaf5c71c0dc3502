package kr.co.stupy.adapter.web.rooms;

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
import java.util.List;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.StubRateLimits;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.application.rooms.port.in.SuggestHashtagsQuery;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.HashtagPrefix;
import kr.co.stupy.rooms.HashtagUse;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/hashtags}: the typed start of a tag to the suggestions the contract lists. */
class HashtagRoutesTest {

    static final SuggestHashtagsQuery suggestions = mock(SuggestHashtagsQuery.class);
    static final StubRateLimits limits = new StubRateLimits();

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new HashtagRoutes(suggestions, limits.readBudget()));

    final UserId me = UserId.newId();

    @AfterEach
    void forget() {
        reset(suggestions);
        limits.reset();
    }

    @Test
    void thePrefixIsReadLikeATagAndTheAnswerListsTagsWithTheirRooms() {
        when(suggestions.suggest(any(), anyInt())).thenReturn(List.of(new HashtagUse(new Hashtag("자격증"), 5),
                new HashtagUse(new Hashtag("자바"), 2)));
        JsonNode answer = web.as(me).get("/api/hashtags?prefix=%23%EC%9E%90&limit=3").ok(200);
        verify(suggestions).suggest(new HashtagPrefix("자"), 3);
        assertEquals(List.of("items"), Answer.fieldNames(answer));
        assertEquals(List.of("rooms", "tag"), Answer.fieldNames(answer.get("items").get(0)));
        assertEquals("자격증", answer.at("/items/0/tag").asText());
        assertEquals(5, answer.at("/items/0/rooms").asLong());
        assertEquals(List.of("reads " + me.value()), limits.taken());
    }

    @Test
    void withoutParametersEveryTagMayBeSuggestedEightAtMost() {
        when(suggestions.suggest(any(), anyInt())).thenReturn(List.of());
        assertEquals(0, web.as(me).get("/api/hashtags").ok(200).get("items").size());
        verify(suggestions).suggest(HashtagPrefix.ANY, HashtagRoutes.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @CsvSource({"limit=0, limit", "limit=21, limit", "limit=many, limit", "prefix=two%20words, prefix",
            "prefix=abcdefghijklmnopqrstu, prefix"})
    void aQueryThatCannotBeAskedIs400(String query, String field) {
        assertEquals(List.of(field), web.as(me).get("/api/hashtags?" + query).invalidFields());
        verifyNoInteractions(suggestions);
    }

    @Test
    void itNeedsATokenAndSpendsTheReadBudget() {
        web.anonymous().get("/api/hashtags").problem(401, "UNAUTHENTICATED");
        limits.refuse(Duration.ofSeconds(2));
        web.as(me).get("/api/hashtags?prefix=a").problem(429, "RATE_LIMITED");
        verifyNoInteractions(suggestions);
    }
}
