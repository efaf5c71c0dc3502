package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.ArrayList;
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
 * Every way the server ends a live connection is told in plain words in the browser: the room is
 * full (and a retry gets in once a seat frees), the same user entered elsewhere, the owner kicked
 * you, the room was deleted.
 */
class LiveNoticesBrowserTest {


    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void everyWayALiveConnectionEndsIsExplained() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session boss = api.devLogin("방장" + suffix);
        List<Api.Session> others = List.of(api.devLogin("하나" + suffix), api.devLogin("둘" + suffix), api.devLogin("셋" + suffix));
        Api.Reply created = api.post("/api/rooms", boss, Map.of("title", "알림 확인방", "description", "라이브 연결이 끝나는 모든 경우", "maxMembers", 10));
        assertEquals(201, created.status(), created.raw());
        String roomId = created.body().get("id").asText();
        String kim = "김" + suffix;
        String lee = "이" + suffix;
        for (Api.Session member : List.of(others.get(0), others.get(1), others.get(2), api.devLogin(kim), api.devLogin(lee))) {
            assertEquals(200, api.post("/api/rooms/" + roomId + "/members", member, Map.of()).status());
        }

        List<LiveClient> seated = new ArrayList<>();
        try (BrowserSession kimHere = chromium.open("kim-here", Chromium.Viewport.PHONE);
             BrowserSession kimThere = chromium.open("kim-there");
             BrowserSession leeTab = chromium.open("lee")) {
            seated.add(LiveClient.enter(api, boss, roomId));
            others.forEach(other -> seated.add(LiveClient.enter(api, other, roomId)));
            seated.forEach(client -> client.next("welcome"));

            // Four are live: the fifth is told the room is full, and gets in with a retry once a seat frees.
            enterLive(kimHere, kim, roomId);
            awaitNotice(kimHere, "가득 찼어요");
            kimHere.screenshot("live-notice-full");
            seated.removeLast().close();
            kimHere.page().getByTestId("notice-retry").click();
            kimHere.page().getByTestId("live-notice").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            kimHere.page().locator("[data-testid=leaderboard-row][data-live=true]").nth(3).waitFor();

            // The same user enters from another browser: the first one is told why it went quiet.
            enterLive(kimThere, kim, roomId);
            awaitHistoryRead(kimThere);
            awaitNotice(kimHere, "다른 탭이나 기기에서");
            kimHere.screenshot("live-notice-replaced");

            // The owner kicks Kim, who is live in the other browser now.
            String kimId = api.devLogin(kim).userId();
            assertEquals(204, api.delete("/api/rooms/" + roomId + "/members/" + kimId, boss).status());
            awaitNotice(kimThere, "내보냈어요");
            kimThere.screenshot("live-notice-kicked");

            // The room is deleted while Lee is live in it.
            enterLive(leeTab, lee, roomId);
            awaitHistoryRead(leeTab);
            leeTab.page().getByTestId("live-notice").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            assertEquals(204, api.delete("/api/rooms/" + roomId, boss).status());
            awaitNotice(leeTab, "방이 삭제되었어요");
            leeTab.screenshot("live-notice-room-closed");

            kimHere.assertNoErrors();
            kimThere.assertNoErrors();
            leeTab.assertNoErrors();
        } finally {
            seated.forEach(LiveClient::close);
        }
    }

    private static void enterLive(BrowserSession session, String nickname, String roomId) {
        session.devLogIn(api.base(), nickname);
        session.navigate(api.base() + "/#/live/" + roomId);
    }

    /** Entered and done reading the chat history, so no request of its own races the next step. */
    private static void awaitHistoryRead(BrowserSession session) {
        session.page().getByTestId("video-local").waitFor();
        session.page().getByText("처음 메시지까지 모두 봤어요").waitFor();
    }

    private static void awaitNotice(BrowserSession session, String words) {
        session.page().getByTestId("live-notice").filter(new Locator.FilterOptions().setHasText(words))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
    }
}
