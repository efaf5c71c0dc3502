package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The installable app in a real Chromium: the manifest and its icons, the service worker taking
 * control, the shell opening offline with its notice (and the screen loading again once online),
 * nothing from the API in its caches, and a new version that waits to be asked for.
 */
class InstallableAppBrowserTest {

    static final Chromium.Viewport DESKTOP = new Chromium.Viewport(1366, 768);
    static final String OFFLINE_TEXT = "오프라인이에요. 연결되면 다시 불러올게요.";
    /** Chromium logs every request refused while offline as a console error; these tests go offline on purpose. */
    static final Predicate<String> REFUSED_OFFLINE = error -> error.contains("ERR_INTERNET_DISCONNECTED");

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void theManifestAtBothAddressesDescribesTheAppWithPngIconsOfTheirSizes() {
        Api.Reply manifest = api.get("/manifest.json", null);
        assertEquals(200, manifest.status());
        assertEquals("application/manifest+json", manifest.contentType());
        assertTrue(manifest.headers().firstValue("Content-Security-Policy").orElseThrow().contains("manifest-src 'self'"));
        assertDescribesTheApp(manifest.body());
        assertEquals(manifest.raw(), api.get("/manifest.webmanifest", null).raw());
    }

    @Test
    void thePageLinksTheManifestTheTouchIconAndAThemeColourPerScheme() {
        try (BrowserSession visitor = chromium.open("links", Chromium.Viewport.PHONE)) {
            visitor.navigate(api.base() + "/");
            Page page = visitor.page();
            String manifest = (String) page.evaluate("() => document.querySelector('link[rel=manifest]').getAttribute('href')");
            assertDescribesTheApp(api.get(manifest, null).body());
            String touchIcon = (String) page.evaluate("() => document.querySelector('link[rel=apple-touch-icon]').getAttribute('href')");
            assertPng(touchIcon, 180);
            assertEquals(List.of("(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"),
                    page.evaluate("() => [...document.querySelectorAll('meta[name=theme-color]')].map(m => m.media)"));
            visitor.assertNoErrors();
        }
    }

    @Test
    void onAPhoneTheShellOpensOfflineSaysSoAndLoadsTheScreenAgainOnceOnline() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Session owner = api.devLogin("방장" + suffix);
        String title = "오프라인 확인방 " + suffix;
        assertEquals(201, api.post("/api/rooms", owner, Map.of("title", title, "description", "다시 불러오기")).status());

        try (BrowserSession student = chromium.open("offline", Chromium.Viewport.PHONE)) {
            Page page = student.page();
            student.devLogIn(api.base(), "오프" + suffix);
            takeControl(page);
            Locator room = page.getByTestId("room-card").filter(new Locator.FilterOptions().setHasText(title));
            room.waitFor();
            Locator offline = page.getByTestId("offline-state");
            assertFalse(offline.isVisible());

            page.context().setOffline(true);
            page.reload();
            page.getByTestId("nav-rooms").waitFor();   // the shell, from the worker's cache
            offline.waitFor();
            assertEquals(OFFLINE_TEXT, offline.textContent());
            assertEquals("status", offline.getAttribute("role"));
            assertEquals(0, room.count());
            assertReadableInBothSchemes(page, "[data-testid=offline-state]");
            assertInView(page, "[data-testid=offline-state]");
            student.screenshot("phone-offline");

            page.context().setOffline(false);
            offline.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            room.waitFor();   // loaded again without a reload by hand
            assertShellCachedWithoutTheApi(page);
            student.assertNoErrorsExcept(REFUSED_OFFLINE);
        }
    }

    @Test
    void onADesktopANewVersionWaitsUntilAskedForThenTakesOver() {
        String version = api.get("/", null).headers().firstValue("X-Shell-Version").orElseThrow();
        try (NewVersionProxy proxy = new NewVersionProxy(api.base());
             BrowserSession visitor = chromium.open("update", DESKTOP)) {
            Page page = visitor.page();
            visitor.navigate(proxy.base() + "/");
            takeControl(page);
            assertEquals(version, controllerVersion(page));
            Locator refresh = page.getByTestId("update-ready");
            assertFalse(refresh.isVisible());

            page.evaluate("() => { window.stillTheSamePage = true; }");
            proxy.deployNewVersion();
            page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()");
            refresh.waitFor();
            assertEquals("새 버전이 준비됐어요", page.locator(".pwa-notice.update .pwa-text").textContent());
            assertEquals("새로고침", refresh.textContent());
            page.waitForTimeout(500);
            assertEquals(true, page.evaluate("() => window.stillTheSamePage"), "never reloads on its own");
            assertEquals(version, controllerVersion(page), "the old worker stays in charge until asked");
            assertReadableInBothSchemes(page, ".pwa-notice.update .pwa-text");
            assertInView(page, "[data-testid=update-ready]");
            visitor.screenshot("desktop-update-ready");

            AtomicInteger loads = new AtomicInteger();
            page.onLoad(loaded -> loads.incrementAndGet());
            refresh.click();
            page.waitForCondition(() -> loads.get() > 0);
            page.getByTestId("dev-login").waitFor();
            assertEquals(version + "-next", controllerVersion(page));
            assertEquals(false, page.evaluate("() => window.stillTheSamePage === true"));
            assertFalse(refresh.isVisible());
            page.waitForFunction("async () => (await caches.keys()).length === 1");
            assertEquals(List.of("stupy-shell-" + version + "-next"), page.evaluate("() => caches.keys()"), "the old cache is gone");
            visitor.assertNoErrors();
        }
    }

    /** Waits for the worker to install, reloads, and checks that it controls the page from then on. */
    private static void takeControl(Page page) {
        page.evaluate("() => navigator.serviceWorker.ready");
        page.reload();
        assertEquals(true, page.evaluate("() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js') ?? false"));
    }

    /** The shell version of the worker that controls the page, as it answers itself. */
    private static String controllerVersion(Page page) {
        return (String) page.evaluate("""
                () => new Promise(resolve => {
                  const channel = new MessageChannel();
                  channel.port1.onmessage = event => resolve(event.data.version);
                  navigator.serviceWorker.controller.postMessage({type: 'served-from-cache?'}, [channel.port2]);
                })""");
    }

    @SuppressWarnings("unchecked")
    private static void assertShellCachedWithoutTheApi(Page page) {
        List<String> cached = (List<String>) page.evaluate("""
                async () => {
                  const urls = [];
                  for (const name of await caches.keys()) {
                    for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
                  }
                  return urls;
                }""");
        assertTrue(cached.containsAll(List.of("/", "/app/main.js", "/app/pwa.js", "/app/screens/rooms.js", "/app/styles.css",
                "/app/pwa.css", "/manifest.webmanifest", "/app/icons/icon-192.png")), cached.toString());
        List<String> forbidden = cached.stream()
                .filter(path -> path.startsWith("/api") || path.startsWith("/ws") || path.startsWith("/images") || path.equals("/sw.js"))
                .toList();
        assertEquals(List.of(), forbidden);
    }

    /** Within the window and not covered by anything else (a toast, say): what a tap at its middle would reach. */
    private static void assertInView(Page page, String selector) {
        assertEquals(true, page.evaluate("""
                selector => {
                  const element = document.querySelector(selector);
                  const box = element.getBoundingClientRect();
                  const inside = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
                  return inside && element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
                }""", selector), selector);
    }

    /** The text's colour against its own background: at least 4.5:1 in the light and in the dark scheme. */
    private static void assertReadableInBothSchemes(Page page, String selector) {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            double ratio = ((Number) page.evaluate(CONTRAST, selector)).doubleValue();
            assertTrue(ratio >= 4.5, selector + " in " + scheme + ": " + ratio);
        }
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
    }

    /** WCAG contrast of an element's text with the first opaque background behind it. */
    private static final String CONTRAST = """
            selector => {
              const rgb = value => value.match(/[\\d.]+/g).map(Number);
              const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255)
                .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
                .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
              let element = document.querySelector(selector);
              const text = rgb(getComputedStyle(element).color);
              let background = null;
              for (; element && !background; element = element.parentElement) {
                const value = rgb(getComputedStyle(element).backgroundColor);
                if (value.length === 3 || value[3] === 1) background = value;
              }
              const [light, dark] = [luminance(text), luminance(background ?? [255, 255, 255])].sort((a, b) => b - a);
              return (light + 0.05) / (dark + 0.05);
            }""";

    private static void assertDescribesTheApp(JsonNode manifest) {
        assertEquals("스터피 — 함께 공부하는 곳", manifest.get("name").asText());
        assertEquals("스터피", manifest.get("short_name").asText());
        assertEquals("ko", manifest.get("lang").asText());
        assertTrue(Set.of("/", "/#/rooms").contains(manifest.get("start_url").asText()));
        assertEquals("/", manifest.get("scope").asText());
        assertEquals("standalone", manifest.get("display").asText());
        assertFalse(manifest.get("id").asText().isBlank());
        assertFalse(manifest.get("description").asText().isBlank());
        assertTrue(manifest.get("background_color").asText().matches("#[0-9a-f]{6}"));
        assertTrue(manifest.get("theme_color").asText().matches("#[0-9a-f]{6}"));
        List<String> icons = new ArrayList<>();
        for (JsonNode icon : manifest.get("icons")) {
            assertEquals("image/png", icon.get("type").asText());
            int size = Integer.parseInt(icon.get("sizes").asText().split("x")[0]);
            assertEquals(size + "x" + size, icon.get("sizes").asText());
            assertPng(icon.get("src").asText(), size);
            icons.add(icon.get("sizes").asText() + " " + icon.get("purpose").asText());
        }
        assertEquals(List.of("192x192 any", "512x512 any", "512x512 maskable"), icons);
    }

    /** {@code path} answers a PNG whose header says it is {@code size} pixels square. */
    private static void assertPng(String path, int size) {
        Api.Reply png = api.get(path, null);
        assertEquals(200, png.status(), path);
        assertEquals("image/png", png.contentType(), path);
        ByteBuffer bytes = ByteBuffer.wrap(png.bytes());
        assertEquals(0x89504E470D0A1A0AL, bytes.getLong(0), path + " is a PNG");
        assertEquals(0x49484452, bytes.getInt(12), path + " starts with its IHDR");
        assertEquals(size, bytes.getInt(16), path + " width");
        assertEquals(size, bytes.getInt(20), path + " height");
    }
}
