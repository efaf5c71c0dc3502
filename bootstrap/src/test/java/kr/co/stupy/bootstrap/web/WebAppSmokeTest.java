package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The real node serving the real app to a real browser: loads, obeys its CSP, revalidates, and has a camera. */
class WebAppSmokeTest {

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void debiansChromiumIsUsedWhenInstalled() {
        assertEquals(Files.isExecutable(Chromium.SYSTEM_CHROMIUM), chromium.systemChromium(), chromium.version());
    }

    @Test
    void theAppLoadsUnderItsContentSecurityPolicyWithoutErrors() throws Exception {
        try (BrowserSession visitor = chromium.open("visitor")) {
            Response page = visitor.navigate(api.base() + "/");
            assertEquals(200, page.status());
            String csp = page.headerValue("content-security-policy");
            assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertTrue(page.headerValue("content-type").startsWith("text/html"));

            // The login screen is drawn by the module script, so it only appears if the CSP let the app run.
            visitor.page().locator("[data-testid=dev-login]").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE));
            assertTrue(Files.size(visitor.screenshot("smoke-login")) > 0);
            visitor.assertNoErrors();
        }
    }

    @Test
    void anInlineScriptIsBlockedAndReported() {
        try (BrowserSession visitor = chromium.open("attacker")) {
            visitor.navigate(api.base() + "/");
            visitor.page().evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                    + " document.head.append(s); }");
            visitor.page().waitForCondition(() -> !visitor.cspViolations().isEmpty());
            assertTrue(visitor.cspViolations().getFirst().startsWith("script-src"), visitor.cspViolations().toString());
            assertEquals(Boolean.FALSE, visitor.page().evaluate("() => 'injected' in window"));
            AssertionError failure = assertThrows(AssertionError.class, visitor::assertNoErrors);
            assertTrue(failure.getMessage().contains("CSP violation"), failure.getMessage());
        }
    }

    @Test
    void anUnchangedFileIsRevalidatedWithA304WithoutBody() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/app/main.js", "/app/styles.css")) {
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(api.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode(), path);
            assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(""), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
        }
    }

    @Test
    void theFakeCameraAndMicrophoneGiveAVideoAndAnAudioTrack() {
        try (BrowserSession student = chromium.open("student", Chromium.Viewport.PHONE)) {
            student.navigate(api.base() + "/");
            Object kinds = student.page().evaluate("""
                    async () => {
                      const stream = await navigator.mediaDevices.getUserMedia({video: true, audio: true});
                      const kinds = stream.getTracks().map(t => t.kind).sort();
                      stream.getTracks().forEach(t => t.stop());
                      return kinds;
                    }""");
            assertEquals(List.of("audio", "video"), kinds);
            student.assertNoErrors();
        }
    }

    @Test
    void aSameOriginWebSocketPassesConnectSrcSelf() {
        Api.Session owner = api.devLogin("소켓" + System.nanoTime() % 100000);
        Api.Reply room = api.post("/api/rooms", owner, Map.of("title", "CSP 방", "description", "웹소켓 확인"));
        assertEquals(201, room.status(), room.raw());
        String ticket = api.post("/api/rooms/" + room.body().get("id").asText() + "/live-ticket", owner, null)
                .body().get("ticket").asText();
        try (BrowserSession student = chromium.open("socket")) {
            student.navigate(api.base() + "/");
            Object first = student.page().evaluate("""
                    ([roomId, ticket]) => new Promise((resolve, reject) => {
                      const ws = new WebSocket(`ws://${location.host}/ws/rooms/${roomId}?ticket=${ticket}`);
                      ws.onmessage = e => { resolve(JSON.parse(e.data).type); ws.close(); };
                      ws.onclose = e => reject(new Error('closed ' + e.code));
                    })""", List.of(room.body().get("id").asText(), ticket));
            assertEquals("welcome", first);
            assertFalse(student.cspViolations().stream().anyMatch(v -> v.startsWith("connect-src")), student.cspViolations().toString());
            student.assertNoErrors();
        }
    }
}
