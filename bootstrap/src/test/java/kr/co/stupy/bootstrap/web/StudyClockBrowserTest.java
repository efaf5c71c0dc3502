package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.LiveClient;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The study clock in a real Chromium against a real node: the header's today strip ticks while you
 * study, the live room's big timer and break switch, a peer sees the break and the subject on your
 * tile and board row (and your time stand still), the daily goal set on the statistics screen moves
 * the header's progress bar, leaving the live room by navigating asks first, and "today" is the
 * server's study day even when the server's day start has not come yet.
 */
class StudyClockBrowserTest {

    private static final Pattern CLOCK = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})");

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void aBreakAndASubjectAreSeenByAPeerAndStopTheClocks() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session minji = api.devLogin("민지" + suffix);
        Api.Session junho = api.devLogin("준호" + suffix);
        String roomId = api.openRoom(minji, "시계 확인방 " + suffix, junho);

        try (BrowserSession minjiTab = chromium.open("minji");
             BrowserSession junhoTab = chromium.open("junho", Chromium.Viewport.PHONE)) {
            enterLive(minjiTab, minji.nickname(), roomId);
            enterLive(junhoTab, junho.nickname(), roomId);
            Page me = minjiTab.page();
            Page peer = junhoTab.page();

            // Minji's header strip ticks while she studies, and so does her big timer.
            awaitRunning(me);
            int todayBefore = todaySeconds(me);
            int sessionBefore = clockSeconds(me.getByTestId("my-timer-session").innerText());
            awaitClockAtLeast(me, "today-total", todayBefore + 2);
            awaitClockAtLeast(me, "my-timer-session", sessionBefore + 2);
            String bigTimer = me.getByTestId("my-timer").innerText();
            assertTrue(me.getByTestId("my-timer-today").innerText().matches("\\d{2}:\\d{2}:\\d{2}"), bigTimer);
            assertEquals("false", me.getByTestId("status-toggle").getAttribute("aria-pressed"));

            // Junho sees Minji studying, on her tile and on her board row.
            Locator tileStatus = tileStatus(peer, minji.userId());
            Locator rowStatus = rowStatus(peer, minji.userId());
            awaitStatus(tileStatus, "studying");
            awaitStatus(rowStatus, "studying");

            // Minji takes a break: the switch is pressed, and Junho sees it on the tile and the row.
            me.getByTestId("status-toggle").click();
            assertEquals("true", me.getByTestId("status-toggle").getAttribute("aria-pressed"));
            awaitStatus(tileStatus, "break");
            awaitStatus(rowStatus, "break");
            assertTrue(tileStatus.innerText().contains("휴식 중"), tileStatus.innerText());
            assertTrue(rowStatus.innerText().contains("휴식 중"), rowStatus.innerText());
            minjiTab.screenshot("study-clock-break-desktop");
            junhoTab.screenshot("study-clock-peer-on-break-phone");

            // Every clock of hers stands still during the break: Junho's board, her big timer, her header.
            me.waitForFunction("() => document.querySelector('[data-testid=today-total]').dataset.running === 'false'");
            int boardResting = clockSeconds(leaderboardRow(peer, minji.userId()).innerText());
            int sessionResting = clockSeconds(me.getByTestId("my-timer-session").innerText());
            int todayResting = todaySeconds(me);
            me.waitForTimeout(2_500);
            assertEquals(boardResting, clockSeconds(leaderboardRow(peer, minji.userId()).innerText()), "her board timer stops");
            assertEquals(sessionResting, clockSeconds(me.getByTestId("my-timer-session").innerText()), "her session stops");
            assertTrue(todaySeconds(me) <= todayResting + 1, "her today stops");
            // Junho's own time runs on meanwhile.
            int junhoBoard = clockSeconds(leaderboardRow(peer, junho.userId()).innerText());
            peer.waitForTimeout(2_500);
            assertTrue(clockSeconds(leaderboardRow(peer, junho.userId()).innerText()) >= junhoBoard + 1, "his own timer still runs");

            // She names her subject (Enter): Junho reads it on both.
            me.getByTestId("subject-input").fill("선형대수");
            me.getByTestId("subject-input").press("Enter");
            awaitText(tileStatus, "선형대수");
            awaitText(rowStatus, "선형대수");

            // She studies again: the switch is released, the tile and row say her subject, her time runs again.
            me.getByTestId("status-toggle").click();
            assertEquals("false", me.getByTestId("status-toggle").getAttribute("aria-pressed"));
            awaitStatus(tileStatus, "studying");
            awaitStatus(rowStatus, "studying");
            assertEquals("선형대수", rowStatus.innerText().strip());
            int boardStudying = clockSeconds(leaderboardRow(peer, minji.userId()).innerText());
            peer.waitForFunction("([id, least]) => { const row = document.querySelector(`[data-testid=leaderboard-row][data-user-id=\"${id}\"] .time`);"
                    + " const [h, m, s] = (row?.textContent ?? '').split(':').map(Number); return h * 3600 + m * 60 + s >= least; }",
                    List.of(minji.userId(), boardStudying + 2));
            awaitRunning(me);

            // Her own tile and row carry her status too.
            awaitStatus(me.locator(".videos [data-testid=peer-status][data-user-id='" + minji.userId() + "']"), "studying");
            awaitStatus(rowStatus(me, minji.userId()), "studying");

            // The subject clears with an empty box; one too long is refused with a message and nothing sent.
            me.getByTestId("subject-input").fill("");
            me.getByTestId("subject-input").press("Enter");
            peer.waitForFunction("id => document.querySelector(`[data-testid=leaderboard-row][data-user-id=\"${id}\"] [data-testid=peer-status]`)"
                    + "?.textContent.trim() === '공부 중'", minji.userId());
            me.getByTestId("subject-input").evaluate("el => { el.removeAttribute('maxlength'); el.value = '가'.repeat(25); }");
            me.getByTestId("subject-input").press("Enter");
            me.getByTestId("subject-error").waitFor();
            assertTrue(me.getByTestId("subject-error").innerText().contains("20자"));
            assertNoSidewaysScroll(junhoTab, "live room with statuses");
            assertNoSidewaysScroll(minjiTab, "live room with statuses");

            minjiTab.assertNoErrors();
            junhoTab.assertNoErrors();
        }
    }

    @Test
    void leavingTheLiveRoomByNavigatingAsksFirst() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session student = api.devLogin("떠남" + suffix);
        String roomId = api.openRoom(student, "나가기 확인방 " + suffix);
        try (BrowserSession tab = chromium.open("leaver", Chromium.Viewport.PHONE)) {
            enterLive(tab, student.nickname(), roomId);
            Page page = tab.page();
            awaitRunning(page);

            // The server takes 20 status frames a minute: its error for the next ones is told in a few
            // words, the connection stays, and the switch ends where the server says.
            // The budget refills one frame every 3 s, so on a slow machine 22 clicks may not be enough: click until told.
            Locator toggle = page.getByTestId("status-toggle");
            Locator tooOften = page.getByTestId("subject-error").filter(new Locator.FilterOptions().setHasText("너무 자주"));
            for (int i = 0; i < 80 && (i < 22 || !tooOften.isVisible()); i++) {
                toggle.click();
            }
            tooOften.waitFor();
            page.waitForFunction("id => { const row = document.querySelector(`[data-testid=leaderboard-row][data-user-id=\"${id}\"]`);"
                    + " const pressed = document.querySelector('[data-testid=status-toggle]').getAttribute('aria-pressed');"
                    + " return row?.dataset.live === 'true' && (pressed === 'true') === (row.querySelector('[data-testid=peer-status]').dataset.status === 'break'); }",
                    student.userId());
            assertFalse(page.getByTestId("live-notice").isVisible(), "the connection stays");
            if ("true".equals(toggle.getAttribute("aria-pressed"))) {
                page.waitForTimeout(3_500);   // one status frame comes back every 3 s
                toggle.click();
                awaitStatus(rowStatus(page, student.userId()), "studying");
            }
            assertEquals("false", toggle.getAttribute("aria-pressed"));
            awaitRunning(page);

            // A menu link asks; cancelling keeps the room and its connection.
            page.getByTestId("nav-todos").click();
            Locator yes = page.getByTestId("confirm-yes");
            yes.waitFor();
            tab.screenshot("study-clock-leave-question-phone");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("취소")).click();
            yes.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            assertTrue(page.url().contains("#/live/"), "still in the live room: " + page.url());
            assertEquals(1, page.getByTestId("my-timer").count());
            awaitRunning(page);

            // The back button asks too; confirming leaves, and the clock stops.
            page.goBack();
            yes.waitFor();
            yes.click();
            page.waitForURL("**/#/rooms*");
            page.getByTestId("room-card").first().waitFor();
            assertEquals(0, page.getByTestId("my-timer").count());
            page.waitForFunction("() => document.querySelector('[data-testid=today-total]').dataset.running === 'false'");

            // The 나가기 button leaves without a question.
            tab.navigate(api.base() + "/#/live/" + roomId);
            awaitRunning(page);
            page.getByTestId("leave-live").click();
            page.waitForURL("**/#/mine");
            page.getByTestId("my-room").first().waitFor();
            assertEquals(0, page.getByTestId("confirm-yes").count(), "no question after 나가기");
            tab.assertNoErrors();
        }
    }

    @Test
    void aGoalSetOnTheStatisticsScreenMovesTheHeaderProgress() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session student = api.devLogin("목표" + suffix);
        String roomId = api.openRoom(student, "목표 확인방 " + suffix);
        try (BrowserSession tab = chromium.open("goal")) {
            tab.devLogIn(api.base(), student.nickname());
            Page page = tab.page();
            page.getByTestId("nav-stats").click();
            page.waitForURL("**/#/stats");
            page.getByTestId("goal-input").waitFor();
            // Nothing studied yet: no rank today, and the screen says so.
            page.getByTestId("my-rank").filter(new Locator.FilterOptions().setHasText("아직 순위에 없어요")).waitFor();
            assertEquals(0, page.locator("[data-testid=user-rank-row][data-user-id='" + student.userId() + "']").count());
            Locator progress = page.getByTestId("goal-progress");
            assertFalse(progress.isVisible(), "no goal, no progress bar");
            assertTrue(page.locator("#goal-none").isVisible(), "the header says there is no goal");

            // Out of range: refused with a reason, nothing sent.
            page.getByTestId("goal-input").fill("10");
            page.getByTestId("goal-save").click();
            page.getByTestId("goal-error").waitFor();
            assertTrue(page.getByTestId("goal-error").innerText().contains("30분"));

            // 30 minutes: the header shows 0 %, and the API keeps it.
            page.getByTestId("goal-input").fill("30");
            page.getByTestId("goal-save").click();
            progress.waitFor();
            assertEquals("0", progress.getAttribute("aria-valuenow"));
            assertEquals(30, api.get("/api/users/me", student).body().path("dailyGoalMinutes").asInt());
            assertTrue(page.getByTestId("stats-goal-streak").innerText().contains("일"));

            // Studying with a subject moves it: 1 % of 30 minutes is 18 seconds.
            page.navigate(api.base() + "/#/live/" + roomId);
            awaitRunning(page);
            page.getByTestId("subject-input").fill("영어");
            page.getByTestId("subject-input").press("Enter");
            awaitStatus(rowStatus(page, student.userId()), "studying");
            awaitText(rowStatus(page, student.userId()), "영어");
            page.waitForFunction("() => Number(document.querySelector('[data-testid=goal-progress]').getAttribute('aria-valuenow')) >= 1",
                    null, new Page.WaitForFunctionOptions().setTimeout(45_000));
            int percent = Integer.parseInt(progress.getAttribute("aria-valuenow"));
            assertTrue(percent >= 1 && percent <= 100, "percent " + percent);
            tab.screenshot("study-clock-goal-progress-desktop");

            // Back on the statistics screen (asked first): the subject has its time, the goal its box.
            page.getByTestId("nav-stats").click();
            page.getByTestId("confirm-yes").click();
            page.waitForURL("**/#/stats");
            Locator subjects = page.getByTestId("stats-by-subject");
            subjects.waitFor();
            assertTrue(subjects.innerText().contains("영어"), subjects.innerText());
            assertEquals("30", page.getByTestId("goal-input").inputValue());
            // Once the session has ended the header shows the ledger's figure. A piece of under 5 s before the
            // subject change does not count there (StudyRules.MIN_SESSION), so it may sit one point (5 s of 30
            // minutes) under what the running clock showed, never more.
            int after = Integer.parseInt(progress.getAttribute("aria-valuenow"));
            assertTrue(after >= percent - 1, "went back from " + percent + " % to " + after + " %");
            tab.screenshot("study-clock-stats-desktop");

            // An empty box clears the goal: the bar goes.
            page.getByTestId("goal-input").fill("");
            page.getByTestId("goal-save").click();
            progress.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            assertTrue(api.get("/api/users/me", student).body().path("dailyGoalMinutes").isNull());
            tab.assertNoErrors();
        }
    }

    /**
     * A server whose study day starts at 05:00, where it is 01:xx now: "today" is yesterday's date,
     * everywhere the app shows it, and it holds the session running now.
     */
    @Test
    void todayIsTheServersStudyDayBeforeTheDayStarts() {
        ZonedDateTime utc = ZonedDateTime.now(ZoneOffset.UTC);
        int hours = 1 - utc.getHour();                  // a zone where it is 01:xx now
        if (hours < -12) {
            hours += 24;
        }
        ZoneOffset zone = ZoneOffset.ofHours(hours);
        LocalDate studyDay = LocalDate.now(zone).minusDays(1);
        assertTrue(LocalTime.now(zone).isBefore(LocalTime.of(5, 0)), "it is before the day start in " + zone);

        Settings defaults = TestNode.settings(TestNode.freshDataDir(), Optional.of(true));
        Settings early = new Settings(defaults.port(), defaults.dataDir(), defaults.mongoUri(), defaults.embeddedMongoPort(),
                defaults.redisUri(), defaults.jwtSecret(), defaults.devLogin(), zone, LocalTime.of(5, 0), defaults.publicUrl(),
                defaults.kakao(), defaults.naver(), defaults.iceServers(), defaults.limits());
        try (TestNode night = TestNode.start(early);
             BrowserSession tab = chromium.open("night", Chromium.Viewport.PHONE)) {
            Api nightApi = night.api();
            Api.Session owl = nightApi.devLogin("올빼미");
            String roomId = nightApi.openRoom(owl, "새벽 공부방");
            assertEquals(studyDay.toString(), nightApi.get("/api/users/me/today", owl).body().path("date").asText(),
                    "the server itself counts now for yesterday");

            try (LiveClient live = LiveClient.enter(nightApi, owl, roomId)) {
                live.next("welcome");
                tab.devLogIn(nightApi.base(), owl.nickname());
                Page page = tab.page();

                // The header ticks with the session that runs in the other connection.
                awaitRunning(page);
                Locator total = page.getByTestId("today-total");
                assertEquals(studyDay.toString(), total.getAttribute("data-date"));
                int before = todaySeconds(page);
                // (A session counts from 5 s on, so the server's figure is asked for past that.)
                awaitClockAtLeast(page, "today-total", Math.max(7, before + 2));
                int server = nightApi.get("/api/users/me/today", owl).body().path("studySeconds").asInt();
                assertTrue(server >= 5, "the server counts the running session too: " + server + " s");

                // The statistics screen's today is the server's study day, and the heatmap ends on it.
                page.getByTestId("nav-stats").click();
                page.waitForURL("**/#/stats");
                Locator today = page.getByTestId("stats-today-date");
                today.waitFor();
                assertEquals(studyDay.toString(), today.getAttribute("data-date"));
                assertTrue(today.innerText().contains(studyDay.getMonthValue() + "월 " + studyDay.getDayOfMonth() + "일"), today.innerText());
                Object lastCell = page.evaluate("() => [...document.querySelectorAll('[data-testid=stats-heatmap] .cell[data-date]')].at(-1).dataset.date");
                assertEquals(studyDay.toString(), lastCell);
                page.waitForFunction("() => Number(document.querySelector('[data-testid=stats-today]').dataset.seconds) > 0");

                // The user ranking of the study day lists the owl, first, with the running session.
                page.locator("[data-testid=user-rank-row][data-user-id='" + owl.userId() + "']").waitFor();
                Locator myRank = page.getByTestId("my-rank");
                assertTrue(myRank.innerText().contains("1위"), myRank.innerText());
                assertEquals("1", myRank.getAttribute("data-rank"));
                page.locator("[aria-label='공부 순위'] [data-period=week]").click();
                page.locator("[data-testid=my-rank][data-period=week]").waitFor();
                assertTrue(myRank.innerText().contains("1위"), myRank.innerText());
                page.locator("[data-testid=user-rank-row][data-user-id='" + owl.userId() + "']").waitFor();
                tab.screenshot("study-clock-stats-before-day-start-phone");
                assertNoSidewaysScroll(tab, "stats");

                // The room card says who studies there now, and the room's time today.
                page.getByTestId("nav-rooms").click();
                Locator card = page.locator("[data-testid=room-card][data-room-id='" + roomId + "']");
                card.waitFor();
                card.locator("[data-testid=studying-now] li[data-user-id='" + owl.userId() + "']").waitFor();
                assertTrue(card.getByTestId("room-today").isVisible());
                assertNotEquals("", card.getByTestId("room-today").getAttribute("data-seconds"));
                tab.screenshot("study-clock-room-card-phone");
                assertNoSidewaysScroll(tab, "rooms");
            }
            tab.assertNoErrors();
        }
    }

    // ---- helpers ----

    private static void enterLive(BrowserSession session, String nickname, String roomId) {
        session.devLogIn(api.base(), nickname);
        session.navigate(api.base() + "/#/live/" + roomId);
        session.page().getByTestId("my-timer").waitFor();
    }

    /** Waits until the header's today clock runs (we are live and studying, and the server said so). */
    private static void awaitRunning(Page page) {
        page.waitForFunction("() => { const t = document.querySelector('[data-testid=today-total]');"
                + " return t && t.dataset.running === 'true'; }");
    }

    /** Waits (up to the default timeout) until the clock of {@code testid} reads at least {@code least} seconds. */
    private static void awaitClockAtLeast(Page page, String testid, int least) {
        page.waitForFunction("([id, least]) => { const el = document.querySelector(`[data-testid=\"${id}\"]`);"
                + " const [h, m, s] = (el?.textContent ?? '').split(':').map(Number); return h * 3600 + m * 60 + s >= least; }",
                List.of(testid, least));
    }

    private static int todaySeconds(Page page) {
        return clockSeconds(page.getByTestId("today-total").innerText());
    }

    private static Locator tileStatus(Page page, String userId) {
        return page.locator(".videos .tile.remote [data-testid=peer-status][data-user-id='" + userId + "']");
    }

    private static Locator leaderboardRow(Page page, String userId) {
        return page.locator("[data-testid=leaderboard-row][data-user-id='" + userId + "']").first();
    }

    private static Locator rowStatus(Page page, String userId) {
        return leaderboardRow(page, userId).getByTestId("peer-status");
    }

    private static void awaitStatus(Locator status, String expected) {
        status.and(status.page().locator("[data-status='" + expected + "']"))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    private static void awaitText(Locator locator, String text) {
        locator.and(locator.page().locator("[data-testid=peer-status]").filter(new Locator.FilterOptions().setHasText(text)))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    private static int clockSeconds(String text) {
        Matcher clock = CLOCK.matcher(text);
        assertTrue(clock.find(), "a running time like 00:01:05 in: " + text);
        return Integer.parseInt(clock.group(1)) * 3600 + Integer.parseInt(clock.group(2)) * 60 + Integer.parseInt(clock.group(3));
    }

    private static void assertNoSidewaysScroll(BrowserSession session, String where) {
        List<?> pair = (List<?>) session.page().evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        int scrollWidth = ((Number) pair.get(0)).intValue();
        int viewport = ((Number) pair.get(1)).intValue();
        assertTrue(scrollWidth <= viewport, where + " scrolls sideways: " + scrollWidth + " px wide in a " + viewport + " px window");
    }
}
