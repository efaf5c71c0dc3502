package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.UUID;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Guessing a room's password, as people see it in a real Chromium: the guesser is told why even the
 * right password is refused once the attempts are spent, the owner's 내 스터디 says how many wrong
 * passwords were refused, and a member sees no such thing.
 */
class RefusedPasswordsBrowserTest {

    private static final String SECRET = "4321";

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void theOwnerSeesTheRefusedPasswordsAndTheGuesserIsToldToWait() {
        String keyword = "잠금" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserSession owner = chromium.open("owner");
             BrowserSession guesser = chromium.open("guesser", Chromium.Viewport.PHONE);
             BrowserSession member = chromium.open("member", Chromium.Viewport.PHONE)) {
            owner.devLogIn(api.base(), "방장");
            guesser.devLogIn(api.base(), "추측");
            member.devLogIn(api.base(), "멤버");
            // The same guests over the API (their secrets are remembered per nickname).
            Api.Session ownerApi = api.devLogin("방장");
            Api.Session guesserApi = api.devLogin("추측");
            Api.Session memberApi = api.devLogin("멤버");
            Api.Reply created = api.post("/api/rooms", ownerApi, Map.of("title", keyword + " 스터디",
                    "description", "비밀번호가 있는 방이에요", "password", SECRET));
            assertEquals(201, created.status(), created.raw());
            String roomId = created.body().get("id").asText();
            assertEquals(200, api.post("/api/rooms/" + roomId + "/members", memberApi, Map.of("password", SECRET)).status());

            // Four wrong guesses over the API, the fifth in the dialog, then the right one is refused with a reason.
            for (int i = 0; i < 4; i++) {
                assertEquals("WRONG_PASSWORD", api.post("/api/rooms/" + roomId + "/members", guesserApi,
                        Map.of("password", "000" + i)).code());
            }
            Page page = guesser.page();
            page.getByTestId("search-q").fill(keyword);
            page.getByTestId("search-q").press("Enter");
            Locator card = page.locator("[data-testid=room-card][data-room-id='" + roomId + "']");
            card.waitFor();
            card.getByTestId("room-join").click();
            page.getByTestId("join-password").fill("9999");
            page.getByTestId("join-confirm").click();
            page.getByTestId("join-error").getByText("비밀번호가 맞지 않아요").waitFor();
            page.getByTestId("join-password").fill(SECRET);
            page.getByTestId("join-confirm").click();
            page.getByTestId("join-error").getByText("비밀번호를 여러 번 틀려서 잠시 막혔어요").waitFor();
            guesser.screenshot("join-rate-limited-phone");

            // The owner's card counts the five wrong passwords.
            owner.page().getByTestId("nav-mine").click();
            Locator ownerCard = myRoom(owner.page(), roomId);
            Locator count = ownerCard.getByTestId("refused-password-attempts");
            count.waitFor();
            assertEquals("잘못된 비밀번호 시도 5회", count.innerText());
            assertEquals("5", count.getAttribute("data-count"));
            owner.screenshot("my-rooms-refused-passwords");

            // A member's card shows the members, and no count.
            member.page().getByTestId("nav-mine").click();
            Locator memberCard = myRoom(member.page(), roomId);
            memberCard.getByTestId("member-row").first().waitFor();
            assertEquals(0, memberCard.getByTestId("refused-password-attempts").count());
            assertTrue(memberCard.innerText().contains("멤버 2명"));

            owner.assertNoErrors();
            member.assertNoErrors();
            guesser.assertNoErrorsExcept(refused -> (refused.contains("status of 403") || refused.contains("status of 429"))
                    && refused.contains("/api/rooms/" + roomId + "/members"));
        }
    }

    private static Locator myRoom(Page page, String roomId) {
        return page.locator("[data-testid=my-room][data-room-id='" + roomId + "']");
    }
}
