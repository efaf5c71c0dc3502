package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.stupy.application.limits.Budgets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real Chromium against a real node: two students find each other's room, join it,
 * see each other's camera, chat, watch their study time rise; a todo survives a reload; every screen
 * fits a 360 px phone. Screenshots of each screen land in {@code bootstrap/target/screenshots}.
 */
class StudyTogetherBrowserTest {

    private static final Pattern CLOCK = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})");

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void twoStudentsFindJoinSeeHearChatAndStudyTogether() {
        String keyword = "그래프" + UUID.randomUUID().toString().substring(0, 6);
        String title = keyword + " 알고리즘 스터디";
        try (BrowserSession minji = chromium.open("minji");
             BrowserSession junho = chromium.open("junho", Chromium.Viewport.PHONE)) {
            String minjiId = logIn(minji, "민지");
            String junhoId = logIn(junho, "준호");

            // Minji opens a locked room through the form.
            Page owner = minji.page();
            owner.getByTestId("create-room").click();
            owner.getByTestId("room-title").fill(title);
            owner.getByTestId("room-description").fill("매일 저녁 그래프 문제를 함께 풀어요.");
            owner.getByTestId("room-password").fill("4321");
            owner.getByTestId("room-hashtags").fill("#코테, 그래프");
            owner.getByTestId("room-max").fill("4");
            minji.screenshot("room-form");
            owner.getByTestId("room-submit").click();
            owner.waitForURL("**/#/mine");
            Locator myRoom = owner.getByTestId("my-room").filter(new Locator.FilterOptions().setHasText(title));
            myRoom.waitFor();
            String roomId = myRoom.getAttribute("data-room-id");
            assertNotNull(roomId);
            minji.screenshot("my-rooms-owner");

            // Junho, on a phone, finds it by a keyword and joins with the password.
            Page guest = junho.page();
            guest.getByTestId("search-q").fill(keyword.toUpperCase());
            guest.getByTestId("search-q").press("Enter");
            Locator card = roomCard(guest, roomId);
            card.waitFor();
            assertEquals(1, guest.getByTestId("room-card").count(), "only the room with the keyword is listed");
            assertTrue(card.innerText().contains(title));
            assertNoSidewaysScroll(junho, "rooms page");
            junho.screenshot("rooms-phone");
            card.getByTestId("room-join").click();
            guest.getByTestId("join-password").fill("1111");
            guest.getByTestId("join-confirm").click();
            guest.getByText("비밀번호가 맞지 않아요").first().waitFor();

            // Both enter the live room (Junho straight from joining) and see each other's camera; every signal
            // frame each browser sends is counted.
            AtomicInteger ownerSignals = countSignalsSent(owner);
            AtomicInteger guestSignals = countSignalsSent(guest);
            myRoom(owner, roomId).getByTestId("enter-live").click();
            owner.waitForURL("**/#/live/**");
            owner.getByTestId("video-local").waitFor();
            guest.getByTestId("join-password").fill("4321");
            guest.getByTestId("join-confirm").click();
            guest.waitForURL("**/#/live/" + roomId);
            awaitRemoteVideoPlaying(owner, junhoId);
            awaitRemoteVideoPlaying(guest, minjiId);
            owner.waitForTimeout(1_000);
            int negotiation = Math.max(ownerSignals.get(), guestSignals.get());
            System.out.println("a real negotiation: " + ownerSignals.get() + " and " + guestSignals.get() + " signal frames sent");
            assertTrue(negotiation > 0 && negotiation * 4 <= Budgets.SIGNAL_PER_CONNECTION.capacity(),
                    "a browser's negotiation (" + negotiation + " signals) stays far inside the per-connection budget of "
                            + Budgets.SIGNAL_PER_CONNECTION.describe());

            // Chat both ways: Enter in one browser, the send button in the other; text stays text.
            owner.getByTestId("chat-input").fill("안녕하세요 <b>준호</b>님");
            owner.getByTestId("chat-input").press("Enter");
            Locator greeting = guest.getByTestId("chat-message").filter(new Locator.FilterOptions().setHasText("안녕하세요 <b>준호</b>님"));
            greeting.waitFor();
            assertEquals(0, greeting.locator("b").count(), "a chat message is shown as text, never as HTML");
            guest.getByTestId("chat-input").fill("반가워요! 오늘 BFS 해요");
            guest.getByTestId("chat-send").click();
            owner.getByTestId("chat-message").filter(new Locator.FilterOptions().setHasText("반가워요! 오늘 BFS 해요")).waitFor();
            assertNotNull(greeting.getAttribute("data-message-id"));

            // The leaderboard lists both, and their time keeps running.
            for (Page page : List.of(owner, guest)) {
                for (String userId : List.of(minjiId, junhoId)) {
                    leaderboardRow(page, userId).waitFor();
                }
            }
            int before = seconds(leaderboardRow(owner, junhoId).innerText());
            owner.waitForTimeout(2_500);
            int after = seconds(leaderboardRow(owner, junhoId).innerText());
            assertTrue(after >= before + 2, "the timer runs: " + before + " s then " + after + " s");
            minji.screenshot("live-desktop");
            junho.screenshot("live-phone");
            assertNoSidewaysScroll(junho, "live room");
            assertEveryFieldIsLabelled(junho, "live room");

            // Junho leaves; Minji's page drops his video without a reload.
            guest.getByTestId("leave-live").click();
            guest.waitForURL("**/#/mine");
            remoteVideo(owner, junhoId).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));

            // A todo list survives a reload. Minji is still live, so leaving by the tab bar asks first.
            owner.getByTestId("nav-todos").click();
            owner.getByTestId("confirm-yes").click();
            owner.waitForURL("**/#/todos");
            Locator list = owner.getByTestId("todo-list").first();
            list.getByTestId("todo-input").fill("그래프 문제 3개 풀기");
            list.getByTestId("todo-input").press("Enter");
            Locator todo = owner.getByTestId("todo-item").filter(new Locator.FilterOptions().setHasText("그래프 문제 3개 풀기"));
            todo.waitFor();
            owner.waitForResponse(r -> r.url().contains("/todos/") && "PATCH".equals(r.request().method()) && r.ok(),
                    () -> todo.getByTestId("todo-done").check());
            owner.reload();
            Locator kept = owner.getByTestId("todo-item").filter(new Locator.FilterOptions().setHasText("그래프 문제 3개 풀기"));
            kept.waitFor();
            assertTrue(kept.getByTestId("todo-done").isChecked(), "the tick survives the reload too");
            minji.screenshot("todos-desktop");

            minji.assertNoErrors();
            junho.assertNoErrorsExcept(wrongPassword -> wrongPassword.contains("status of 403")
                    && wrongPassword.contains("/api/rooms/" + roomId + "/members"));
        }
    }

    /** Counts the {@code signal} frames the page sends over any WebSocket from now on. */
    private static AtomicInteger countSignalsSent(Page page) {
        AtomicInteger sent = new AtomicInteger();
        page.onWebSocket(socket -> socket.onFrameSent(frame -> {
            String text = frame.text();
            if (text != null && text.contains("\"type\":\"signal\"")) {
                sent.incrementAndGet();
            }
        }));
        return sent;
    }

    @Test
    void everyScreenFitsAPhoneWithoutSidewaysScrolling() {
        try (BrowserSession phone = chromium.open("phone", Chromium.Viewport.PHONE)) {
            phone.navigate(api.base() + "/");
            phone.page().getByTestId("dev-login").waitFor();
            assertNoSidewaysScroll(phone, "login");
            phone.screenshot("login-phone");
            logIn(phone, "아주아주긴닉네임을가진학생입니다");
            Page page = phone.page();
            page.getByTestId("create-room").click();
            page.getByTestId("room-title").fill("띄어쓰기없이아주길게쓴스터디방제목입니다정말로길어요");
            page.getByTestId("room-description").fill("가".repeat(300));
            page.getByTestId("room-hashtags").fill("아주긴해시태그를붙여봅니다열자넘게");
            phone.screenshot("room-form-phone");
            assertEveryFieldIsLabelled(phone, "room form");
            page.getByTestId("room-submit").click();
            page.waitForURL("**/#/mine");
            page.getByTestId("my-room").first().waitFor();

            for (String screen : List.of("rooms", "mine", "todos", "stats", "profile")) {
                page.getByTestId("nav-" + screen).click();
                page.waitForURL("**/#/" + screen + "*");
                page.locator(switch (screen) {
                    case "rooms" -> "[data-testid=room-card]";
                    case "mine" -> "[data-testid=my-room]";
                    case "todos" -> "[data-testid=todo-list]";
                    case "stats" -> "[data-testid=stats-heatmap]";
                    default -> "[data-testid=profile-nickname]";
                }).first().waitFor();
                assertNoSidewaysScroll(phone, screen);
                assertEveryFieldIsLabelled(phone, screen);
                phone.screenshot(screen + "-phone");
            }
            page.getByTestId("nav-stats").click();
            assertTrue(page.getByTestId("stats-total").innerText().length() > 0);
            assertTrue(page.getByTestId("stats-streak").innerText().contains("일"));
            phone.assertNoErrors();
        }
    }

    private static String logIn(BrowserSession session, String nickname) {
        session.devLogIn(api.base(), nickname);
        Object id = session.page().evaluate("async () => (await (await fetch('/api/users/me', {headers: {Authorization: "
                + "'Bearer ' + (sessionStorage.getItem('stupy.token') ?? localStorage.getItem('stupy.token'))}})).json()).id");
        return String.valueOf(id);
    }

    private static Locator roomCard(Page page, String roomId) {
        return page.locator("[data-testid=room-card][data-room-id='" + roomId + "']");
    }

    private static Locator myRoom(Page page, String roomId) {
        return page.locator("[data-testid=my-room][data-room-id='" + roomId + "']");
    }

    private static Locator remoteVideo(Page page, String userId) {
        return page.locator("[data-testid=video-remote][data-user-id='" + userId + "']");
    }

    private static Locator leaderboardRow(Page page, String userId) {
        return page.locator("[data-testid=leaderboard-row][data-user-id='" + userId + "']").first();
    }

    /** The remote element only counts frames once the WebRTC connection actually carries video. */
    private static void awaitRemoteVideoPlaying(Page page, String userId) {
        remoteVideo(page, userId).waitFor();
        page.waitForFunction("id => { const v = document.querySelector(`[data-testid=video-remote][data-user-id=\"${id}\"]`);"
                + " return !!v && v.readyState >= 2 && v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 0; }",
                userId);
    }

    private static void assertNoSidewaysScroll(BrowserSession session, String where) {
        Object widths = session.page().evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        List<?> pair = (List<?>) widths;
        int scrollWidth = ((Number) pair.get(0)).intValue();
        int viewport = ((Number) pair.get(1)).intValue();
        assertTrue(scrollWidth <= viewport, where + " scrolls sideways: " + scrollWidth + " px wide in a " + viewport + " px window");
    }

    /** Screen readers name every control: by a label element, or an aria-label where a visible label would be noise. */
    private static void assertEveryFieldIsLabelled(BrowserSession session, String where) {
        Object unlabelled = session.page().evaluate("() => [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(el => el.type !== 'hidden' && el.labels.length === 0 && !el.getAttribute('aria-label')"
                + " && !el.getAttribute('aria-labelledby')).map(el => el.outerHTML)");
        assertEquals(List.of(), unlabelled, where + " has fields without a label");
    }

    private static int seconds(String rowText) {
        Matcher clock = CLOCK.matcher(rowText);
        assertTrue(clock.find(), "a running time like 00:01:05 in: " + rowText);
        return Integer.parseInt(clock.group(1)) * 3600 + Integer.parseInt(clock.group(2)) * 60 + Integer.parseInt(clock.group(3));
    }
}
