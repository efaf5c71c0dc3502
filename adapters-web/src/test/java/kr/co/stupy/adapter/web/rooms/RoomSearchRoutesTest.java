package kr.co.stupy.adapter.web.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.StubRateLimits;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase;
import kr.co.stupy.application.rooms.port.in.RoomMembershipUseCase;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomSearch;
import kr.co.stupy.rooms.RoomSort;
import kr.co.stupy.rooms.SearchText;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/rooms}: the query string to a search and a page, the page to the contract's paged list. */
class RoomSearchRoutesTest {

    static final FindRoomsQuery find = mock(FindRoomsQuery.class);
    static final StubRateLimits limits = new StubRateLimits();

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new RoomRoutes(mock(ManageRoomsUseCase.class),
            mock(RoomMembershipUseCase.class), find, Json.mapper(), limits.readBudget()));

    final UserId me = UserId.newId();

    @AfterEach
    void forget() {
        reset(find);
        limits.reset();
    }

    @Test
    void withoutParametersItIsTheFirstPageOfTheNewestRooms() {
        Room first = RoomSamples.plain(me);
        Room second = RoomSamples.plain(UserId.newId());
        when(find.search(any(), any())).thenReturn(Page.last(List.of(RoomSamples.view(first), RoomSamples.view(second))));
        JsonNode page = web.as(me).get("/api/rooms").ok(200);
        verify(find).search(RoomSearch.all(RoomSort.LATEST), new PageRequest(PageRequest.DEFAULT_LIMIT, Optional.empty()));
        assertEquals(List.of("items", "nextCursor"), Answer.fieldNames(page));
        assertTrue(page.get("nextCursor").isNull(), "the last page says so with null");
        assertEquals(first.id().value(), page.get("items").get(0).get("id").asText());
        assertEquals(RoomRoutesTest.ROOM_FIELDS, Answer.fieldNames(page.get("items").get(1)));
    }

    @Test
    void textTagSortAndCursorAreReadAsTheContractSays() {
        when(find.search(any(), any())).thenReturn(new Page<>(List.of(), Optional.of("next-page")));
        JsonNode page = web.as(me).get("/api/rooms?q=%20a.*B%20&hashtag=%23Java&sort=popular&limit=5&cursor=c-1").ok(200);
        verify(find).search(new RoomSearch(Optional.of(new SearchText("a.*b")), Optional.of(new Hashtag("java")), RoomSort.POPULAR),
                new PageRequest(5, Optional.of("c-1")));
        assertEquals("next-page", page.get("nextCursor").asText());
        assertEquals(0, page.get("items").size());
    }

    @Test
    void availableAsksForRoomsOneCanJoinNowInAnyOrder() {
        when(find.search(any(), any())).thenReturn(Page.last(List.of()));
        web.as(me).get("/api/rooms?available=true&sort=studied&q=%23%EC%9E%90%EA%B2%A9").ok(200);
        verify(find).search(new RoomSearch(Optional.of(new SearchText("#자격")), Optional.empty(), RoomSort.STUDIED, true),
                PageRequest.first(PageRequest.DEFAULT_LIMIT));
        reset(find);
        when(find.search(any(), any())).thenReturn(Page.last(List.of()));
        web.as(me).get("/api/rooms?available=false").ok(200);
        verify(find).search(RoomSearch.all(RoomSort.LATEST), PageRequest.first(PageRequest.DEFAULT_LIMIT));
    }

    @Test
    void blankParametersAreTheDefaults() {
        when(find.search(any(), any())).thenReturn(Page.last(List.of()));
        web.as(me).get("/api/rooms?q=%20&hashtag=&sort=&cursor=").ok(200);
        verify(find).search(RoomSearch.all(RoomSort.LATEST), PageRequest.first(PageRequest.DEFAULT_LIMIT));
    }

    @ParameterizedTest
    @CsvSource({
            "sort=random, sort",
            "sort=LATEST, sort",
            "limit=ten, limit",
            "limit=0, limit",
            "limit=101, limit",
            "hashtag=two%20words, hashtags",
            "available=yes, available",
            "available=1, available"})
    void aQueryThatCannotBeAskedIs400WithoutSearching(String query, String field) {
        assertEquals(List.of(field), web.as(me).get("/api/rooms?" + query).invalidFields());
        verifyNoInteractions(find);
    }

    @Test
    void mistakesInTheSearchItselfAreReportedTogether() {
        String tooLong = "x".repeat(SearchText.MAX_LENGTH + 1);
        assertEquals(List.of("q", "sort"), web.as(me).get("/api/rooms?q=" + tooLong + "&sort=best").invalidFields());
        verifyNoInteractions(find);
    }

    @Test
    void eachSearchSpendsTheUsersReadBudgetAndAnEmptyBudgetIs429() {
        when(find.search(any(), any())).thenReturn(Page.last(List.of()));
        web.as(me).get("/api/rooms").ok(200);
        assertEquals(List.of("reads " + me.value()), limits.taken());

        limits.refuse(Duration.ofMillis(2500));
        Answer refused = web.as(me).get("/api/rooms?q=x");
        refused.problem(429, "RATE_LIMITED");
        assertEquals("3", refused.header("Retry-After"));
        verify(find).search(any(), any());   // only the first
    }

    @Test
    void cheapReadsDoNotSpendTheBudget() {
        when(find.mine(me)).thenReturn(List.of());
        limits.refuse(Duration.ofSeconds(5));
        assertEquals(0, web.as(me).get("/api/rooms/mine").ok(200).get("items").size());
        assertEquals(List.of(), limits.taken());
    }

    @Test
    void searchingNeedsAToken() {
        web.anonymous().get("/api/rooms").problem(401, "UNAUTHENTICATED");
        verifyNoInteractions(find);
        assertEquals(List.of(), limits.taken());
    }
}
