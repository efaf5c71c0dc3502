package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.Axe;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Every screen — login, rooms, a room's preview, my rooms, todos, statistics, profile and the live
 * room — at 360×740 and 1366×768, in the light and the dark scheme: axe finds nothing serious or
 * critical (contrast of every text included), and a screenshot of each lands in
 * {@code target/screenshots} ({@code phone-rooms-dark.png}, …).
 */
class AppAccessibilityBrowserTest {

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    /** A screen: its hash and what shows once it is drawn. */
    private record Screen(String name, String hash, String ready) {
    }

    @Test
    void theTwoSchemesHaveTheirOwnPalette() {
        try (BrowserSession visitor = chromium.open("schemes", Chromium.Viewport.PHONE)) {
            visitor.navigate(api.base() + "/");
            Page page = visitor.page();
            page.getByTestId("dev-login").waitFor();
            assertEquals("light dark", page.locator("meta[name=color-scheme]").getAttribute("content"));
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
            String light = background(page);
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
            String dark = background(page);
            assertNotEquals(light, dark, "the body's background follows the scheme");
            assertEquals("rgb(17, 19, 24)", dark);
            visitor.assertNoErrors();
        }
    }

    @Test
    void everyScreenPassesAxeAtBothWidthsInBothSchemes() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session student = api.devLogin("접근성" + suffix);
        Api.Reply room = api.post("/api/rooms", student, Map.of("title", "접근성 확인방 " + suffix,
                "description", "모든 화면을 밝은 테마와 어두운 테마에서 확인해요.", "password", "1234",
                "hashtags", List.of("접근성", "다크모드"), "openChatUrl", "https://open.kakao.com/o/abcdEFG"));
        assertEquals(201, room.status(), room.raw());
        String roomId = room.body().get("id").asText();
        Api.Reply list = api.post("/api/todo-lists", student, Map.of("title", "오늘 할 일"));
        assertEquals(201, list.status(), list.raw());
        api.post("/api/todo-lists/" + list.body().get("id").asText() + "/todos", student, Map.of("content", "기출 한 회 풀기"));
        api.put("/api/users/me/goal", student, Map.of("dailyMinutes", 120));

        List<Screen> screens = List.of(
                new Screen("rooms", "#/rooms", "[data-testid=room-card]"),
                new Screen("preview", "#/rooms/" + roomId, "[data-testid=room-preview]"),
                new Screen("mine", "#/mine", "[data-testid=member-row]"),
                new Screen("todos", "#/todos", "[data-testid=todo-item]"),
                new Screen("stats", "#/stats", "[data-testid=user-ranking] li, [data-testid=user-ranking] .empty"),
                new Screen("profile", "#/profile", "[data-testid=profile-nickname]"),
                new Screen("live", "#/live/" + roomId, "[data-testid=leaderboard-row][data-live=true]"));
        Map<String, String> problems = new LinkedHashMap<>();
        for (Chromium.Viewport viewport : List.of(Chromium.Viewport.PHONE, Chromium.Viewport.LAPTOP)) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                problems.putAll(checkEveryScreen(viewport, scheme, student.nickname(), screens));
            }
        }
        assertEquals(Map.of(), problems, "axe's serious and critical findings, by screen");
    }

    private static Map<String, String> checkEveryScreen(Chromium.Viewport viewport, ColorScheme scheme, String nickname,
                                                        List<Screen> screens) {
        String width = viewport == Chromium.Viewport.PHONE ? "phone" : "laptop";
        String tone = scheme == ColorScheme.DARK ? "dark" : "light";
        Map<String, String> problems = new LinkedHashMap<>();
        try (BrowserSession session = chromium.open(width + "-" + tone, viewport)) {
            Page page = session.page();
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            session.navigate(api.base() + "/");
            page.getByTestId("dev-login").waitFor();
            check(session, width + "-login-" + tone, problems);
            session.devLogIn(api.base(), nickname);
            for (Screen screen : screens) {
                session.navigate(api.base() + "/" + screen.hash());
                page.locator(screen.ready()).first().waitFor();
                page.waitForLoadState();
                if ("profile".equals(screen.name())) {
                    page.getByTestId("profile-save").click();   // a toast, on show while axe looks
                    page.getByTestId("toast").waitFor();
                }
                check(session, width + "-" + screen.name() + "-" + tone, problems);
            }
            page.getByTestId("leave-live").click();
            page.waitForURL("**/#/mine");
            session.assertNoErrors();
        }
        return problems;
    }

    /** Lets running transitions end, runs axe and saves a screenshot as {@code name}. */
    private static void check(BrowserSession session, String name, Map<String, String> problems) {
        session.page().waitForTimeout(450);
        List<Axe.Violation> found = new ArrayList<>(Axe.seriousViolations(session.page()));
        session.screenshot(name);
        if (!found.isEmpty()) {
            problems.put(name, found.toString());
        }
        assertTrue(session.page().getByTestId("dev-login").count() > 0 || session.page().getByTestId("tabbar").isVisible(),
                name + ": the menu shows on every screen but the login");
    }

    private static String background(Page page) {
        return String.valueOf(page.evaluate("() => getComputedStyle(document.body).backgroundColor"));
    }
}
