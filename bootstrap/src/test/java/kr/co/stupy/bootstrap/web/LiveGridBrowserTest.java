package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
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
 * The live room's videos on a phone and on a desktop: one to four tiles share the space without
 * overlapping or scrolling sideways, the owner's header counts members as they come, a peer who
 * turns the camera off shows their face and name and a muted mic, the owner's 내보내기 sits under
 * the picture, and after a kick the switches still say what the devices do.
 */
class LiveGridBrowserTest {

    private static final Chromium.Viewport DESKTOP = new Chromium.Viewport(1366, 768);

    /** The tiles and the box they share, measured in the page. */
    private static final String MEASURE = """
            () => {
              const box = document.querySelector('[data-testid=videos]').getBoundingClientRect();
              const column = document.querySelector('.live-main').getBoundingClientRect();
              const rects = [...document.querySelectorAll('[data-testid=video-tile]')].map(t => t.getBoundingClientRect());
              let overlap = false;
              rects.forEach((a, i) => rects.slice(i + 1).forEach(b => {
                if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlap = true;
              }));
              const area = rects.reduce((sum, r) => sum + r.width * r.height, 0);
              const left = Math.min(...rects.map(r => r.left)), right = Math.max(...rects.map(r => r.right));
              const top = Math.min(...rects.map(r => r.top)), bottom = Math.max(...rects.map(r => r.bottom));
              return {tiles: rects.length, overlap, fill: area / (box.width * box.height),
                bandBelow: box.bottom - bottom, widthUse: (right - left) / column.width, height: bottom - top,
                narrowest: Math.min(...rects.map(r => r.width)), lowest: Math.min(...rects.map(r => r.height)),
                scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, innerHeight: window.innerHeight};
            }""";

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void oneToFourTilesFillTheVideosOnAPhoneAndADesktopAndTheHeaderCountsMembers() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session owner = api.devLogin("방장" + suffix);
        String roomId = api.openRoom(owner, "화면 배치 " + suffix);
        List<LiveClient> peers = new ArrayList<>();
        try (BrowserSession tab = chromium.open("grid-owner", DESKTOP)) {
            tab.devLogIn(api.base(), owner.nickname());
            tab.navigate(api.base() + "/#/live/" + roomId);
            Page page = tab.page();
            Locator meta = page.locator(".live-meta");
            meta.filter(new Locator.FilterOptions().setHasText("라이브 1/")).waitFor();
            assertTrue(meta.innerText().contains("멤버 1/10명"), meta.innerText());
            assertLayout(tab, 1);

            for (int count = 1; count <= 3; count++) {
                // A new member joins the room while the owner is live, then comes in.
                Api.Session member = api.devLogin("멤버" + count + suffix);
                assertEquals(200, api.post("/api/rooms/" + roomId + "/members", member, Map.of()).status());
                peers.add(LiveClient.enter(api, member, roomId));
                peers.getLast().next("welcome");
                meta.filter(new Locator.FilterOptions().setHasText("멤버 " + (count + 1) + "/10명")).waitFor();
                assertTrue(meta.innerText().contains("라이브 " + (count + 1) + "/"), "the header counts who is live: " + meta.innerText());
                assertLayout(tab, count + 1);
            }
            page.setViewportSize(DESKTOP.width(), DESKTOP.height());
            awaitFitted(page, 4);
            tab.screenshot("desktop-live-3peers");
            page.setViewportSize(Chromium.Viewport.PHONE.width(), Chromium.Viewport.PHONE.height());
            awaitFitted(page, 4);
            tab.screenshot("phone-live-3peers");

            // One leaves: the live count follows.
            peers.removeLast().close();
            page.locator("[data-testid=video-tile]").nth(3).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            meta.filter(new Locator.FilterOptions().setHasText("라이브 3/")).waitFor();
            assertLayout(tab, 3);
            tab.assertNoErrors();
        } finally {
            peers.forEach(LiveClient::close);
        }
    }

    /** At both widths: every tile shows, none overlaps, they fill their box and most of the column, nothing scrolls sideways. */
    private static void assertLayout(BrowserSession tab, int tiles) {
        Page page = tab.page();
        for (Chromium.Viewport size : List.of(DESKTOP, Chromium.Viewport.PHONE)) {
            page.setViewportSize(size.width(), size.height());
            awaitFitted(page, tiles);
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) page.evaluate(MEASURE);
            String where = tiles + " tiles at " + size.width() + "×" + size.height() + ": " + m;
            assertEquals(tiles, number(m, "tiles"), where);
            assertFalse((Boolean) m.get("overlap"), "tiles overlap: " + where);
            assertTrue(number(m, "scrollWidth") <= number(m, "innerWidth"), "scrolls sideways: " + where);
            // Three or four tiles make two rows, and in a box wider than two 16:9 pictures the height
            // bounds them (by how much depends on the header's fonts), three leave a cell empty; the
            // band, width and height checks below hold them to the column and the window.
            assertTrue(number(m, "fill") >= (tiles == 3 ? 0.5 : tiles == 4 ? 0.68 : 0.8), "the tiles fill their box: " + where);
            assertTrue(number(m, "bandBelow") <= 4, "no empty band under the tiles: " + where);
            assertTrue(number(m, "widthUse") >= 0.75, "the tiles use the column's width: " + where);
            assertTrue(number(m, "narrowest") >= (size == DESKTOP ? 300 : 150) && number(m, "lowest") >= 150, "big enough: " + where);
            if (size == DESKTOP) {
                assertTrue(number(m, "height") >= 0.55 * size.height(), "the videos take the desktop's height: " + where);
            } else {
                assertTrue(number(m, "height") >= 0.45 * size.height(), "the videos take a phone's first screen: " + where);
                if (tiles <= 2) {
                    assertTrue(number(m, "narrowest") >= 300, "one or two tiles span a phone: " + where);
                }
            }
        }
    }

    /** The grid has {@code tiles} tiles, sized for the width it has now. */
    private static void awaitFitted(Page page, int tiles) {
        page.waitForFunction("n => { const v = document.querySelector('[data-testid=videos]');"
                + " return !!v && v.dataset.tiles === String(n) && v.dataset.fitWidth === String(v.clientWidth)"
                + " && document.querySelectorAll('[data-testid=video-tile]').length === n; }", tiles);
        page.waitForTimeout(150);
    }

    private static double number(Map<String, Object> measured, String key) {
        return ((Number) measured.get(key)).doubleValue();
    }

    @Test
    void aPeerWithTheCameraOffShowsTheirFaceAndTheKickSitsUnderThePicture() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session owner = api.devLogin("주인" + suffix);
        Api.Session guest = api.devLogin("손님" + suffix);
        String roomId = api.openRoom(owner, "카메라 끄기 " + suffix, guest);
        try (BrowserSession ownerTab = chromium.open("cam-owner", DESKTOP);
             BrowserSession guestTab = chromium.open("cam-guest", Chromium.Viewport.PHONE)) {
            Page mine = ownerTab.page();
            Page theirs = guestTab.page();
            enter(ownerTab, owner, roomId);
            enter(guestTab, guest, roomId);
            Locator tile = mine.locator("[data-testid=video-tile][data-user-id='" + guest.userId() + "']");
            tile.and(mine.locator("[data-camera=on][data-mic=on]")).waitFor();

            // The guest turns the camera off: the owner sees their initial, name and why, not a black box.
            theirs.getByTestId("toggle-cam").click();
            assertEquals("카메라 꺼짐", theirs.getByTestId("toggle-cam").innerText());
            theirs.locator("[data-testid=video-tile].local[data-camera=off] [data-testid=camera-off]").waitFor();
            tile.and(mine.locator("[data-camera=off]")).waitFor();
            Locator face = tile.getByTestId("camera-off");
            face.waitFor();
            assertTrue(face.innerText().contains(guest.nickname()) && face.innerText().contains("카메라 꺼짐"), face.innerText());
            assertTrue(face.locator(".tile-avatar").isVisible(), "a picture or an initial");

            // Then the mic: the owner's tile marks it.
            theirs.getByTestId("toggle-mic").click();
            tile.and(mine.locator("[data-mic=off]")).waitFor();
            assertTrue(tile.locator(".tile-mic").isVisible(), "a muted-mic mark");
            ownerTab.screenshot("live-camera-off");
            mine.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
            ownerTab.screenshot("live-camera-off-dark");
            mine.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));

            // Back on: the picture returns.
            theirs.getByTestId("toggle-cam").click();
            tile.and(mine.locator("[data-camera=on]")).waitFor();
            assertTrue(face.isHidden());

            // The owner's 내보내기 is under the picture, not on it.
            Locator kick = tile.getByTestId("tile-kick");
            BoundingBox button = kick.boundingBox();
            BoundingBox video = tile.getByTestId("video-remote").boundingBox();
            assertTrue(button.y >= video.y + video.height - 0.5, "the kick button is under the video: " + button.y + " vs " + video.y + "+" + video.height);

            kick.click();
            mine.getByTestId("confirm-yes").click();
            theirs.getByTestId("live-notice").filter(new Locator.FilterOptions().setHasText("내보냈어요")).waitFor();
            // The devices are still there: the switches say what was chosen, not "없음".
            assertEquals("카메라 켜짐", theirs.getByTestId("toggle-cam").innerText());
            assertEquals("마이크 꺼짐", theirs.getByTestId("toggle-mic").innerText());
            assertFalse(theirs.getByTestId("toggle-cam").isDisabled());
            ownerTab.assertNoErrors();
            guestTab.assertNoErrors();
        }
    }

    private static void enter(BrowserSession tab, Api.Session who, String roomId) {
        tab.devLogIn(api.base(), who.nickname());
        tab.navigate(api.base() + "/#/live/" + roomId);
        tab.page().getByTestId("video-local").waitFor();
    }
}
