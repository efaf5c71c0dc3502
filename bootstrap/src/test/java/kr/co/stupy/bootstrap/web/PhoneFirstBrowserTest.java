package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The app as a student on a 360×740 phone and a 1366×768 laptop meets it: the first rooms screen
 * shows a whole card, the tab bar and the header stay while the list scrolls, one search box finds
 * rooms by part of a hashtag and suggests the tag, "자리 있음" leaves out locked and full rooms, a
 * card opens the room's preview whose join goes straight into the live room, and toasts replace
 * each other and go with the screen.
 */
class PhoneFirstBrowserTest {

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void theFirstRoomsScreenShowsAWholeCardAndTheBarsStayWhileTheListScrolls() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        for (int owner = 0; owner < 2; owner++) {
            Api.Session someone = api.devLogin("목록" + owner + suffix);
            for (int i = 0; i < 4; i++) {
                api.openRoom(someone, "스크롤 확인방 " + owner + i);
            }
        }
        // The newest room, first in the list, is the longest a card can get.
        Api.Session wordy = api.devLogin("긴글" + suffix);
        Api.Reply longest = api.post("/api/rooms", wordy, Map.of("title", "가".repeat(30), "description", "긴 소개글 ".repeat(50).trim(),
                "password", "1234", "hashtags", List.of("하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉", "열")));
        assertEquals(201, longest.status(), longest.raw());
        for (Chromium.Viewport viewport : List.of(Chromium.Viewport.PHONE, Chromium.Viewport.LAPTOP)) {
            String name = viewport == Chromium.Viewport.PHONE ? "phone" : "laptop";
            try (BrowserSession student = chromium.open("rooms-" + name, viewport)) {
                student.devLogIn(api.base(), "첫화면" + name + suffix);
                Page page = student.page();
                Locator first = page.getByTestId("room-card").first();
                first.waitFor();
                assertEquals(longest.body().get("id").asText(), first.getAttribute("data-room-id"));
                BoundingBox header = page.locator("#topbar").boundingBox();
                BoundingBox card = first.boundingBox();
                double bottomLimit = viewport == Chromium.Viewport.PHONE ? tabBar(page).y : viewport.height();
                assertTrue(card.y >= header.y + header.height && card.y + card.height <= bottomLimit,
                        name + ": the first card (" + card.y + " to " + (card.y + card.height) + ") shows whole between the header ("
                                + (header.y + header.height) + ") and " + bottomLimit);
                assertBarsInPlace(page, viewport, name);
                student.screenshot("first-rooms-" + name);

                page.mouse().wheel(0, 1_500);
                page.waitForFunction("() => window.scrollY > 300");
                assertBarsInPlace(page, viewport, name + " after scrolling");
                assertTrue(page.getByTestId("logout").isVisible(), name + ": log out is at hand");
                page.getByTestId("logout").click();
                page.getByTestId("dev-login").waitFor();
                student.assertNoErrors();
            }
        }
    }

    @Test
    void oneSearchBoxFindsRoomsByPartOfAHashtagAndSuggestsTheTag() {
        String suffix = UUID.randomUUID().toString().substring(0, 5).replaceAll("[^a-z]", "x");
        String tag = "자격증" + suffix;
        Api.Session owner = api.devLogin("태그방장" + suffix);
        Api.Reply tagged = api.post("/api/rooms", owner, Map.of("title", "필기 같이 준비해요", "description", "매일 기출 한 회씩",
                "hashtags", List.of(tag, "아침")));
        assertEquals(201, tagged.status(), tagged.raw());
        String roomId = tagged.body().get("id").asText();
        try (BrowserSession student = chromium.open("search", Chromium.Viewport.PHONE)) {
            student.devLogIn(api.base(), "검색" + suffix);
            Page page = student.page();
            page.getByTestId("room-card").first().waitFor();
            assertEquals(0, page.locator("form[role=search] button[type=submit]").count(), "no 검색 button: it searches as you type");

            // Part of the tag, typed as you would: the room shows, and the whole tag is suggested.
            String typed = "#자격증" + suffix.substring(0, 3);
            page.getByTestId("search-q").pressSequentially(typed, new Locator.PressSequentiallyOptions().setDelay(30));
            page.waitForURL("**q=*");
            page.waitForFunction("id => { const cards = [...document.querySelectorAll('[data-testid=room-card]')];"
                    + " return cards.length === 1 && cards[0].dataset.roomId === id; }", roomId);
            page.waitForFunction("prefix => { const tags = [...document.querySelectorAll('[data-testid=tag-suggestion]')].map(b => b.dataset.tag);"
                    + " return tags.length > 0 && tags.every(t => t.startsWith(prefix)); }", typed.substring(1));
            Locator suggestion = page.locator("[data-testid=tag-suggestion][data-tag='" + tag + "']");
            assertTrue(suggestion.isVisible(), "the whole tag is suggested");
            student.screenshot("search-suggestions-phone");

            // The suggestion filters by the exact tag.
            suggestion.click();
            page.waitForURL("**hashtag=*");
            assertEquals("#" + tag, page.getByTestId("search-hashtag").inputValue());
            page.waitForFunction("id => { const cards = [...document.querySelectorAll('[data-testid=room-card]')];"
                    + " return cards.length === 1 && cards[0].dataset.roomId === id; }", roomId);
            student.assertNoErrors();
        }
    }

    @Test
    void theFreeSeatSwitchLeavesOutLockedAndFullRooms() {
        String keyword = "자리" + UUID.randomUUID().toString().substring(0, 6);
        Api.Session owner = api.devLogin("자리방장" + keyword);
        String open = api.openRoom(owner, keyword + " 열린 방");
        Api.Reply locked = api.post("/api/rooms", owner, Map.of("title", keyword + " 잠긴 방", "description", "비밀번호가 있어요", "password", "4321"));
        assertEquals(201, locked.status(), locked.raw());
        Api.Reply full = api.post("/api/rooms", owner, Map.of("title", keyword + " 꽉 찬 방", "description", "둘이면 가득", "maxMembers", 2));
        assertEquals(201, full.status(), full.raw());
        assertEquals(200, api.post("/api/rooms/" + full.body().get("id").asText() + "/members", api.devLogin("채움" + keyword), Map.of()).status());
        try (BrowserSession student = chromium.open("available", Chromium.Viewport.LAPTOP)) {
            student.devLogIn(api.base(), "빈자리" + keyword);
            Page page = student.page();
            page.getByTestId("search-q").fill(keyword);
            page.getByTestId("search-q").press("Enter");
            page.waitForFunction("() => document.querySelectorAll('[data-testid=room-card]').length === 3");
            Locator toggle = page.getByTestId("search-available");
            assertEquals("false", toggle.getAttribute("aria-pressed"));
            toggle.click();
            assertEquals("true", toggle.getAttribute("aria-pressed"));
            page.waitForURL("**available=true*");
            page.waitForFunction("id => { const cards = [...document.querySelectorAll('[data-testid=room-card]')];"
                    + " return cards.length === 1 && cards[0].dataset.roomId === id; }", open);
            assertEquals(List.of("최신순", "인기순", "공부시간순"), page.getByTestId("search-sort").locator("option").allInnerTexts());
            student.screenshot("search-available-laptop");
            page.reload();
            page.locator("[data-testid=room-card][data-room-id='" + open + "']").waitFor();
            assertEquals("true", page.getByTestId("search-available").getAttribute("aria-pressed"), "a reload keeps the switch");
            student.assertNoErrors();
        }
    }

    @Test
    void aCardOpensThePreviewWhoseJoinGoesStraightIntoTheLiveRoom() {
        String keyword = "미리" + UUID.randomUUID().toString().substring(0, 6);
        Api.Session owner = api.devLogin("미리방장" + keyword);
        Api.Reply created = api.post("/api/rooms", owner, Map.of("title", keyword + " 미리보기방", "description", "조용히 각자 공부해요.\n캠은 켜 주세요.",
                "password", "2580", "hashtags", List.of("조용", "캠스터디"), "openChatUrl", "https://open.kakao.com/o/abcdEFG"));
        assertEquals(201, created.status(), created.raw());
        String roomId = created.body().get("id").asText();
        try (LiveClient live = LiveClient.enter(api, owner, roomId);
             BrowserSession student = chromium.open("preview", Chromium.Viewport.PHONE)) {
            live.next("welcome");
            student.devLogIn(api.base(), "미리보기" + keyword);
            Page page = student.page();
            page.getByTestId("search-q").fill(keyword);
            page.getByTestId("search-q").press("Enter");
            Locator card = page.locator("[data-testid=room-card][data-room-id='" + roomId + "']");
            card.waitFor();
            card.click();   // anywhere on the card
            page.waitForURL("**/#/rooms/" + roomId);
            Locator preview = page.locator("[data-testid=room-preview][data-room-id='" + roomId + "']");
            preview.waitFor();
            preview.getByTestId("studying-now").locator("[data-user-id='" + owner.userId() + "']").waitFor();
            String text = preview.innerText();
            for (String expected : List.of("조용히 각자 공부해요", "#캠스터디", "비밀번호가 있는 스터디예요", "1/5명", "총 공부", "카카오 오픈채팅")) {
                assertTrue(text.contains(expected), "the preview says " + expected + ": " + text);
            }
            student.screenshot("preview-phone");

            preview.getByTestId("room-preview-join").click();
            page.getByTestId("join-password").fill("2580");
            page.getByTestId("join-confirm").click();
            page.waitForURL("**/#/live/" + roomId);
            page.getByTestId("video-local").waitFor();
            assertTrue(page.getByTestId("toast").innerText().contains("참여했어요"), "the joining toast comes along into the live room");
            page.getByTestId("leave-live").click();
            page.waitForURL("**/#/mine");
            student.assertNoErrors();
        }
    }

    @Test
    void anUnknownRoomSaysSoAndToastsReplaceEachOtherAndGoWithTheScreen() {
        try (BrowserSession student = chromium.open("toasts", Chromium.Viewport.PHONE)) {
            student.devLogIn(api.base(), "토스트" + UUID.randomUUID().toString().substring(0, 6));
            Page page = student.page();
            student.navigate(api.base() + "/#/rooms/000000000000000000000000");
            page.getByTestId("room-preview-missing").waitFor();
            assertTrue(page.getByTestId("room-preview-missing").innerText().contains("찾을 수 없어요"));

            page.getByTestId("nav-profile").click();
            page.getByTestId("profile-save").click();   // nothing changed: "바뀐 내용이 없어요."
            page.getByTestId("toast").waitFor();
            page.getByTestId("profile-nickname").fill("새이름" + UUID.randomUUID().toString().substring(0, 4));
            page.getByTestId("profile-save").click();
            page.getByTestId("toast").filter(new Locator.FilterOptions().setHasText("저장했어요")).waitFor();
            assertEquals(1, page.getByTestId("toast").count(), "one toast at a time: the new one took the old one's place");
            assertEquals("ok", page.getByTestId("toast").getAttribute("data-kind"));
            student.screenshot("toast-phone");

            page.getByTestId("nav-todos").click();
            page.waitForURL("**/#/todos");
            page.getByTestId("toast").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            student.assertNoErrorsExcept(missing -> missing.contains("status of 404"));
        }
    }

    private static BoundingBox tabBar(Page page) {
        return page.getByTestId("tabbar").boundingBox();
    }

    /** Phone: the header on top in one line, the tab bar at the bottom; laptop: the menu in the header. */
    private static void assertBarsInPlace(Page page, Chromium.Viewport viewport, String where) {
        BoundingBox header = page.locator("#topbar").boundingBox();
        BoundingBox bar = tabBar(page);
        assertEquals(0, header.y, 0.5, where + ": the header stays at the top");
        assertTrue(page.getByTestId("today-total").isVisible(), where + ": the today strip shows");
        if (viewport == Chromium.Viewport.PHONE) {
            assertTrue(header.height <= 64, where + ": the header is one line, " + header.height + " px");
            assertEquals(viewport.height(), bar.y + bar.height, 0.5, where + ": the tab bar sits on the bottom edge");
            assertTrue(page.getByTestId("nav-stats").isVisible(), where + ": the tab bar shows");
        } else {
            assertTrue(bar.y >= header.y && bar.y + bar.height <= header.y + header.height, where + ": the menu sits in the header");
        }
    }
}
