package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The live room comes back by itself after the server went away: the node stops (1001), a new one
 * starts on the same address and data, and the page reconnects with a fresh ticket, without a
 * reload, delivering the message typed while it was down exactly once.
 */
class LiveReconnectBrowserTest {

    private static final double WAIT_MS = 30_000;

    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @Test
    void theLiveRoomReconnectsByItselfWhenTheServerComesBack() {
        Path dataDir = TestNode.freshDataDir();
        TestNode first = TestNode.start(TestNode.settings(dataDir, Optional.of(true)));
        int port = first.port();
        Api api = first.api();
        TestNode second = null;
        boolean firstRunning = true;
        try (BrowserSession student = chromium.open("student")) {
            Page page = student.page();
            student.devLogIn(api.base(), "다시연결");
            Api.Session me = api.devLogin("다시연결");
            Api.Reply room = api.post("/api/rooms", me, Map.of("title", "끊겨도 계속", "description", "재연결 확인"));
            assertEquals(201, room.status(), room.raw());
            String roomId = room.body().get("id").asText();

            student.navigate(api.base() + "/#/live/" + roomId);
            Locator myRow = page.locator("[data-testid=leaderboard-row][data-user-id='" + me.userId() + "'][data-live=true]");
            myRow.waitFor();
            page.getByText("처음 메시지까지 모두 봤어요").waitFor();

            first.close();
            firstRunning = false;
            page.getByTestId("live-notice").filter(new Locator.FilterOptions().setHasText("다시 연결")).waitFor();
            page.locator("[data-testid=leaderboard-row][data-user-id='" + me.userId() + "'][data-live=false]").waitFor();
            page.getByTestId("chat-input").fill("끊긴 동안 쓴 메시지");
            page.getByTestId("chat-input").press("Enter");
            student.screenshot("live-reconnecting");

            second = TestNode.start(new Settings(port, dataDir, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(true), ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.empty(),
                    Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(), List.of()));

            // Back-off reaches 15 s between tries, so allow for a slow restart plus one full wait.
            page.getByTestId("live-notice").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN)
                    .setTimeout(2 * WAIT_MS));
            myRow.waitFor();
            Locator delivered = page.getByTestId("chat-message").filter(new Locator.FilterOptions().setHasText("끊긴 동안 쓴 메시지"));
            delivered.waitFor();
            page.getByTestId("chat-pending").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            assertEquals(1, delivered.count(), "sent once, even though it was sent again after the reconnect");
            Api.Reply history = second.api().get("/api/rooms/" + roomId + "/messages", me);
            long copies = 0;
            for (var message : history.body().get("items")) {
                if ("끊긴 동안 쓴 메시지".equals(message.get("text").asText())) {
                    copies++;
                }
            }
            assertEquals(1, copies, "stored once");
            student.screenshot("live-reconnected");

            // The only errors allowed are the browser's reports of the refused connections while the server was away.
            student.assertNoErrorsExcept(error -> error.contains("net::ERR_CONNECTION_") || error.contains("WebSocket connection to"));
            assertTrue(student.pageErrors().isEmpty(), student.pageErrors().toString());
        } finally {
            if (firstRunning) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
        }
    }
}
