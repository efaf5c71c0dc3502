package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.rooms.MongoRoomPomodoros;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.RoomId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The room pomodoro in a real Chromium against a real node: the owner starts it from the live room,
 * both members see the same phase and time left; a break (brought forward in the store, since a real
 * phase lasts a minute at least) reaches both pages with a beep and, in a hidden tab with permission,
 * a notification, and stops both members' clocks; the owner's stop ends it for both. Members who are
 * not the owner see the ring only; the page checks the lengths itself and shows the server's refusals
 * next to the fields; nothing scrolls sideways at 360 px.
 */
@Tag("solo") // bounds latency: runs alone (see bootstrap/pom.xml)
class PomodoroBrowserTest {

    private static final Pattern CLOCK = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})");
    private static final Pattern REMAINING = Pattern.compile("^(?:(\\d+):)?(\\d{2}):(\\d{2})$");

    @AutoClose
    static final Chromium chromium = Chromium.launch();
    private static TestNode node;
    private static MongoStore store;
    private static Api api;

    @BeforeAll
    static void start() {
        node = TestNode.start(TestNode.exposingEmbeddedDatabase(TestNode.freshDataDir(), freePort()));
        store = MongoStore.connect(node.embeddedDatabaseUri());
        api = node.api();
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theOwnersPomodoroRunsInStepForEveryoneAndItsBreakStopsTheClocks() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session owner = api.devLogin("방장" + suffix);
        Api.Session member = api.devLogin("멤버" + suffix);
        String roomId = api.openRoom(owner, "뽀모도로방 " + suffix, member);

        try (BrowserSession ownerTab = chromium.open("owner");
             BrowserSession memberTab = chromium.open("member", Chromium.Viewport.PHONE)) {
            // The member has allowed notifications before; the owner has not been asked.
            memberTab.page().context().grantPermissions(List.of("notifications"),
                    new BrowserContext.GrantPermissionsOptions().setOrigin(api.base()));
            enterLive(ownerTab, owner.nickname(), roomId);
            enterLive(memberTab, member.nickname(), roomId);
            Page mine = ownerTab.page();
            Page theirs = memberTab.page();
            awaitPhase(mine, "none");
            awaitPhase(theirs, "none");

            // The owner has the lengths form with its defaults; the member sees the ring only.
            assertTrue(mine.getByTestId("pomodoro-start").isVisible());
            assertEquals("25", mine.getByTestId("pomodoro-focus").inputValue());
            assertEquals("5", mine.getByTestId("pomodoro-break").inputValue());
            assertEquals("15", mine.getByTestId("pomodoro-long-break").inputValue());
            assertEquals("4", mine.getByTestId("pomodoro-rounds").inputValue());
            assertFalse(theirs.getByTestId("pomodoro-ring").isVisible(), "no empty ring for a member while none runs");
            for (String control : List.of("pomodoro-start", "pomodoro-stop", "pomodoro-focus", "pomodoro-break")) {
                assertFalse(theirs.getByTestId(control).isVisible(), control + " is the owner's");
            }

            // Notifications: a button for each, never a question on load; the member's says they are on.
            Locator theirNotify = theirs.getByTestId("pomodoro-notify");
            Locator myNotify = mine.getByTestId("pomodoro-notify");
            assertTrue(theirNotify.isVisible() && myNotify.isVisible());
            assertEquals("granted", theirNotify.getAttribute("data-permission"));
            assertEquals("알림 켜짐", theirNotify.innerText().strip());
            assertEquals("true", theirNotify.getAttribute("aria-pressed"));
            String myPermission = myNotify.getAttribute("data-permission");
            assertTrue(List.of("default", "denied").contains(myPermission), myPermission);
            if ("default".equals(myPermission)) {
                assertEquals("알림 켜기", myNotify.innerText().strip());
            }

            // Lengths out of range are refused on the page, each next to its box, and nothing is sent.
            mine.getByTestId("pomodoro-focus").fill("0");
            mine.getByTestId("pomodoro-rounds").fill("11");
            mine.getByTestId("pomodoro-start").click();
            assertTrue(mine.getByTestId("pomodoro-focus-error").innerText().contains("1~120분"));
            assertTrue(mine.getByTestId("pomodoro-rounds-error").innerText().contains("1~10회"));
            assertFalse(mine.getByTestId("pomodoro-break-error").isVisible());
            assertEquals("true", mine.getByTestId("pomodoro-focus").getAttribute("aria-invalid"));
            assertTrue(api.get("/api/rooms/" + roomId, owner).body().get("pomodoro").isNull(), "nothing was sent");
            awaitPhase(mine, "none");

            // The server's 400 is shown next to the field it names.
            Consumer<Route> refuse = route -> route.fulfill(new Route.FulfillOptions().setStatus(400)
                    .setContentType("application/problem+json")
                    .setBody("{\"type\":\"about:blank\",\"title\":\"Invalid input\",\"status\":400,\"code\":\"VALIDATION_FAILED\","
                            + "\"errors\":[{\"field\":\"breakSeconds\",\"message\":\"must be whole seconds from 60 to 3600\"}]}"));
            mine.route("**/api/rooms/*/pomodoro", refuse);
            mine.getByTestId("pomodoro-focus").fill("25");
            mine.getByTestId("pomodoro-rounds").fill("4");
            mine.getByTestId("pomodoro-start").click();
            mine.getByTestId("pomodoro-break-error").waitFor();
            assertTrue(mine.getByTestId("pomodoro-break-error").innerText().contains("1~60분"));
            assertFalse(mine.getByTestId("pomodoro-focus-error").isVisible(), "the page's own error went");
            mine.unroute("**/api/rooms/*/pomodoro", refuse);
            assertNoSidewaysScroll(memberTab, "live room with the ring");

            // The owner starts it: both see the same phase within a second of each other.
            mine.getByTestId("pomodoro-start").click();
            awaitPhase(mine, "focus");
            long ownerSaw = System.nanoTime();
            awaitPhase(theirs, "focus");
            long memberSaw = System.nanoTime();
            assertTrue(memberSaw - ownerSaw < 1_000_000_000L, "the member saw the focus " + (memberSaw - ownerSaw) / 1_000_000 + " ms later");
            assertFalse(mine.getByTestId("pomodoro-break-error").isVisible(), "the refusal went with the start");
            assertTrue(mine.getByTestId("pomodoro-phase").innerText().contains("집중"), mine.getByTestId("pomodoro-phase").innerText());
            assertTrue(theirs.getByTestId("pomodoro-phase").innerText().contains("1회차"));
            assertTrue(theirs.getByTestId("pomodoro-ring").isVisible(), "the member sees the ring");
            assertEquals("다시 시작", mine.getByTestId("pomodoro-start").innerText().strip());
            assertEquals(1500, api.get("/api/rooms/" + roomId, member).body().at("/pomodoro/focusSeconds").asInt());

            // The same time left on both, ticking.
            int first = 0;
            for (int i = 0; i < 3; i++) {
                int ours = remaining(mine);
                int others = remaining(theirs);
                assertTrue(Math.abs(ours - others) <= 1, "owner " + ours + " s, member " + others + " s");
                assertTrue(ours <= 1500 && ours >= 1480, "a fresh 25-minute focus: " + ours);
                if (i == 0) {
                    first = ours;
                }
                mine.waitForTimeout(1_100);
            }
            assertTrue(remaining(mine) <= first - 2, "the ring ticks");
            ownerTab.screenshot("pomodoro-focus-owner-desktop");
            memberTab.screenshot("pomodoro-focus-member-phone");

            // Each page counts its beeps; the member's tab is hidden, with notifications recorded.
            for (Page page : List.of(mine, theirs)) {
                page.evaluate("() => { window.__beeps = 0; const make = AudioContext.prototype.createOscillator;"
                        + " AudioContext.prototype.createOscillator = function () { window.__beeps++; return make.call(this); }; }");
            }
            theirs.getByTestId("pomodoro-ring").click();   // a tap: the page may make sound from now on
            theirs.evaluate("() => { window.__notes = [];"
                    + " Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});"
                    + " Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});"
                    + " window.Notification = class { static get permission() { return 'granted'; }"
                    + "   static requestPermission() { return Promise.resolve('granted'); }"
                    + "   constructor(title, options) { window.__notes.push({title, body: options && options.body}); } close() {} }; }");

            // The break, brought forward in the store: every node reads it within a second.
            new MongoRoomPomodoros(store.database()).start(new RoomId(roomId), Pomodoro.of(Instant.now().minusSeconds(58), 60, 60, 0, 1));
            awaitPhase(mine, "break");
            long ownerBreak = System.nanoTime();
            awaitPhase(theirs, "break");
            long memberBreak = System.nanoTime();
            assertTrue(memberBreak - ownerBreak < 1_000_000_000L, "the member saw the break " + (memberBreak - ownerBreak) / 1_000_000 + " ms later");
            int ownersLeft = remaining(mine);
            int membersLeft = remaining(theirs);
            assertTrue(Math.abs(ownersLeft - membersLeft) <= 1, "owner " + ownersLeft + " s, member " + membersLeft + " s");
            assertTrue(ownersLeft <= 60 && ownersLeft >= 50, "a one-minute break: " + ownersLeft);
            assertTrue(theirs.getByTestId("pomodoro-phase").innerText().contains("휴식"));

            // A beep on both, and a notification for the hidden tab.
            for (Page page : List.of(mine, theirs)) {
                page.waitForFunction("() => window.__beeps >= 1");
            }
            theirs.waitForFunction("() => window.__notes.some(n => n.title === '휴식 시간이에요')");
            Object notes = theirs.evaluate("() => window.__notes.filter(n => n.title === '휴식 시간이에요').length");
            assertEquals(1, ((Number) notes).intValue(), "one notification for the break");

            // The server put both on a break: every row says so, on both pages, and no clock moves.
            for (Page page : List.of(mine, theirs)) {
                for (String userId : List.of(owner.userId(), member.userId())) {
                    awaitStatus(rowStatus(page, userId), "break");
                }
                assertEquals("true", page.getByTestId("status-toggle").getAttribute("aria-pressed"));
            }
            List<Integer> boards = List.of(boardSeconds(mine, owner.userId()), boardSeconds(mine, member.userId()),
                    boardSeconds(theirs, owner.userId()), boardSeconds(theirs, member.userId()));
            mine.waitForTimeout(2_500);
            assertEquals(boards, List.of(boardSeconds(mine, owner.userId()), boardSeconds(mine, member.userId()),
                    boardSeconds(theirs, owner.userId()), boardSeconds(theirs, member.userId())), "every board clock stands still");
            ownerTab.screenshot("pomodoro-break-owner-desktop");
            memberTab.screenshot("pomodoro-break-member-phone");
            assertNoSidewaysScroll(memberTab, "live room on a break");

            // The owner stops it: gone for both.
            mine.getByTestId("pomodoro-stop").click();
            awaitPhase(mine, "none");
            awaitPhase(theirs, "none");
            assertEquals("--:--", theirs.getByTestId("pomodoro-remaining").innerText().strip());
            assertTrue(api.get("/api/rooms/" + roomId, member).body().get("pomodoro").isNull());
            assertEquals("시작", mine.getByTestId("pomodoro-start").innerText().strip());
            assertTrue(mine.getByTestId("pomodoro-stop").isDisabled());

            // The owner's form fits a phone too.
            mine.setViewportSize(360, 740);
            mine.getByTestId("pomodoro-start").scrollIntoViewIfNeeded();
            assertNoSidewaysScroll(ownerTab, "the owner's live room at 360 px");
            ownerTab.screenshot("pomodoro-owner-phone");

            ownerTab.assertNoErrorsExcept(error -> error.contains("status of 400"));
            memberTab.assertNoErrors();
        }
    }

    // ---- helpers ----

    private static void enterLive(BrowserSession session, String nickname, String roomId) {
        session.devLogIn(api.base(), nickname);
        session.navigate(api.base() + "/#/live/" + roomId);
        session.page().getByTestId("my-timer").waitFor();
        session.page().waitForFunction("() => document.querySelector('[data-testid=today-total]')?.dataset.running === 'true'");
    }

    private static void awaitPhase(Page page, String phase) {
        page.locator("[data-testid=pomodoro-phase][data-phase='" + phase + "']")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(15_000));
    }

    /** The ring's time left, in seconds. */
    private static int remaining(Page page) {
        String text = page.getByTestId("pomodoro-remaining").innerText().strip();
        Matcher matcher = REMAINING.matcher(text);
        assertTrue(matcher.matches(), "a time left like 24:59: " + text);
        int hours = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
        return hours * 3600 + Integer.parseInt(matcher.group(2)) * 60 + Integer.parseInt(matcher.group(3));
    }

    private static Locator leaderboardRow(Page page, String userId) {
        return page.locator("[data-testid=leaderboard-row][data-user-id='" + userId + "']").first();
    }

    private static Locator rowStatus(Page page, String userId) {
        return leaderboardRow(page, userId).getByTestId("peer-status");
    }

    private static int boardSeconds(Page page, String userId) {
        String text = leaderboardRow(page, userId).locator(".time").innerText();
        Matcher clock = CLOCK.matcher(text);
        assertTrue(clock.find(), "a running time like 00:01:05 in: " + text);
        return Integer.parseInt(clock.group(1)) * 3600 + Integer.parseInt(clock.group(2)) * 60 + Integer.parseInt(clock.group(3));
    }

    private static void awaitStatus(Locator status, String expected) {
        status.and(status.page().locator("[data-status='" + expected + "']"))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    private static void assertNoSidewaysScroll(BrowserSession session, String where) {
        List<?> pair = (List<?>) session.page().evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        int scrollWidth = ((Number) pair.get(0)).intValue();
        int viewport = ((Number) pair.get(1)).intValue();
        assertTrue(scrollWidth <= viewport, where + " scrolls sideways: " + scrollWidth + " px wide in a " + viewport + " px window");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
