package kr.co.stupy.adapter.web.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kr.co.stupy.adapter.web.WebServer;
import kr.co.stupy.adapter.web.WebSettings;
import kr.co.stupy.adapter.web.support.EntityTags;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.shared.DomainException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticSiteRoutesTest {

    static final StaticSiteRoutes site = new StaticSiteRoutes("public-fixture");

    @AutoClose
    static final WebServer server = new WebServer(new WebSettings("127.0.0.1", 0), Json.mapper(), token -> {
        throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", "no tokens here");
    }, List.of(site)).start();

    static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRootIsTheIndexPageWithTheContentSecurityPolicy() throws Exception {
        HttpResponse<byte[]> root = get("/");
        assertEquals(200, root.statusCode());
        assertEquals("text/html; charset=utf-8", header(root, "Content-Type"));
        assertArrayEquals(fixture("index.html"), root.body());
        String csp = header(root, "Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("manifest-src 'self'") && csp.contains("worker-src 'self'"), csp);
        assertEquals("DENY", header(root, "X-Frame-Options"));
        assertEquals("nosniff", header(root, "X-Content-Type-Options"));
        assertEquals("no-cache", header(root, "Cache-Control"));
        assertArrayEquals(root.body(), get("/index.html").body());
    }

    @ParameterizedTest
    @CsvSource({
            "/app/main.js, text/javascript; charset=utf-8",
            "/app/styles.css, text/css; charset=utf-8",
            "/app/icon.svg, image/svg+xml",
            "/app/pixel.png, image/png",
            "/app/manifest.webmanifest, application/manifest+json"})
    void eachFileHasItsMediaTypeAndItsBytes(String path, String mediaType) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertEquals(200, response.statusCode());
        assertEquals(mediaType, header(response, "Content-Type"));
        assertArrayEquals(fixture(path.substring(1)), response.body());
    }

    @Test
    void theManifestIsAlsoServedAtManifestJson() throws Exception {
        for (String path : List.of("/manifest.webmanifest", "/manifest.json")) {
            HttpResponse<byte[]> manifest = get(path);
            assertEquals(200, manifest.statusCode(), path);
            assertEquals("application/manifest+json", header(manifest, "Content-Type"), path);
            assertArrayEquals(fixture("manifest.webmanifest"), manifest.body(), path);
        }
        assertEquals(header(get("/manifest.webmanifest"), "ETag"), header(get("/manifest.json"), "ETag"));
    }

    @Test
    void theServiceWorkerIsServedFromTheRootWithTheShellFilledIn() throws Exception {
        HttpResponse<byte[]> worker = get("/sw.js");
        assertEquals(200, worker.statusCode());
        assertEquals("text/javascript; charset=utf-8", header(worker, "Content-Type"));
        assertEquals("no-cache", header(worker, "Cache-Control"));
        assertTrue(header(worker, "Content-Security-Policy").contains("script-src 'self'"));
        String source = new String(worker.body(), StandardCharsets.UTF_8);
        assertEquals("// A fixture worker: the server fills in the shell's version and files.\n"
                + "const SHELL = {version: '" + site.shellVersion() + "', files: ['/', '/app/icon.svg', '/app/main.js', "
                + "'/app/manifest.webmanifest', '/app/pixel.png', '/app/styles.css', '/manifest.webmanifest']};\n"
                + "self.addEventListener('install', () => {});\n", source);
        assertEquals(SiteFile.etagOf(worker.body()), header(worker, "ETag"), "the tag of the bytes served, not of the template");
        assertEquals(304, send(HttpRequest.newBuilder(uri("/sw.js")).header("If-None-Match", header(worker, "ETag"))).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/app/main.js", "/sw.js", "/manifest.json"})
    void everyAnswerSaysTheShellVersion(String path) throws Exception {
        assertTrue(site.shellVersion().matches("[A-Za-z0-9_-]{16}"), site.shellVersion());
        assertEquals(site.shellVersion(), header(get(path), StaticSiteRoutes.SHELL_VERSION_HEADER), path);
    }

    @Test
    void theEtagIsTheContentHashAndARevalidationIs304WithoutABody() throws Exception {
        HttpResponse<byte[]> first = get("/app/main.js");
        String etag = header(first, "ETag");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(fixture("app/main.js"));
        assertEquals("\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"", etag);
        assertFalse(etag.startsWith("W/"), "a strong validator");
        assertNotEquals(etag, header(get("/app/styles.css"), "ETag"));

        for (String ifNoneMatch : List.of(etag, "\"other\", " + etag, "W/" + etag, "*")) {
            HttpResponse<byte[]> again = send(HttpRequest.newBuilder(uri("/app/main.js")).header("If-None-Match", ifNoneMatch));
            assertEquals(304, again.statusCode(), ifNoneMatch);
            assertEquals(0, again.body().length);
            assertEquals(etag, header(again, "ETag"));
            assertEquals("no-cache", header(again, "Cache-Control"));
        }
        HttpResponse<byte[]> changed = send(HttpRequest.newBuilder(uri("/app/main.js")).header("If-None-Match", "\"stale\""));
        assertEquals(200, changed.statusCode());
        assertArrayEquals(fixture("app/main.js"), changed.body());
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        String raw = rawRequest("HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
        String lower = raw.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("content-type: text/html;charset=utf-8") || lower.contains("content-type: text/html; charset=utf-8"), raw);
        assertTrue(lower.contains("etag: \""), raw);
        assertTrue(lower.contains("content-security-policy: "), raw);
        assertTrue(raw.endsWith("\r\n\r\n"), "no body after the headers: " + raw);
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<byte[]> post = send(HttpRequest.newBuilder(uri("/app/main.js")).POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, post.statusCode());
        assertEquals("application/problem+json", header(post, "Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/nothing.js", "/nothing.html", "/app", "/app/", "/.hidden", "/outside-the-site.txt",
            "/public-fixture/index.html", "/api/unknown", "/ws/rooms/x", "/images/abc"})
    void whatIsNotAFileOfTheSiteIsProblemJson404(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertEquals(404, response.statusCode(), path);
        assertEquals("application/problem+json", header(response, "Content-Type"));
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("\"NOT_FOUND\""));
    }

    @Test
    void unknownApiPathsStay404ForEveryMethod() throws Exception {
        HttpResponse<byte[]> post = send(HttpRequest.newBuilder(uri("/api/unknown")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, post.statusCode());
    }

    /** Sent byte for byte, so no client library normalizes the path first. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/app/..%2f..%2foutside-the-site.txt",
            "/app/..%5c..%5coutside-the-site.txt",
            "/app\\..\\..\\outside-the-site.txt",
            "/%252e%252e/outside-the-site.txt",
            "/app/%2e%2e/index.html",
            "/app%2fmain.js",
            "/app%5cmain.js",
            "/app\\main.js"})
    void pathTraversalFindsNothing(String path) throws Exception {
        String raw = assertProblemServingNothing(path, 404);
        assertFalse(raw.contains("<main"), "never the page itself: " + raw);
    }

    /** Jetty refuses these before routing, without saying why; they stay a 400, in problem+json, and serve nothing. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/../outside-the-site.txt",
            "/app/../../outside-the-site.txt",
            "/%2e%2e/outside-the-site.txt",
            "/app/%2e%2e/%2e%2e/outside-the-site.txt"})
    void pathsClimbingAboveTheRootAreRefused(String path) throws Exception {
        assertProblemServingNothing(path, 400);
    }

    /** The raw answer to a GET of {@code path}: that status, as problem+json, without the file outside the site. */
    private String assertProblemServingNothing(String path, int status) throws Exception {
        String raw = rawRequest("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 " + status), path + " → " + raw);
        assertTrue(raw.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), raw);
        assertFalse(raw.contains("not part of the site"), raw);
        return raw;
    }

    @Test
    void onlyTheFolderIsListedAndDotFilesAreLeftOut() {
        assertEquals(Set.of("index.html", "app/main.js", "app/styles.css", "app/icon.svg", "app/pixel.png", "app/manifest.webmanifest",
                "manifest.webmanifest", "sw.js"), site.paths());
    }

    @Test
    void aMissingFolderServesNothing() {
        assertTrue(new StaticSiteRoutes("no-such-folder").paths().isEmpty());
    }

    @Test
    void ifNoneMatchFollowsTheWeakComparison() {
        assertTrue(EntityTags.matches("\"a\"", "\"a\""));
        assertTrue(EntityTags.matches("W/\"a\"", "\"a\""));
        assertTrue(EntityTags.matches("\"b\" ,\"a\"", "\"a\""));
        assertFalse(EntityTags.matches("\"ab\"", "\"a\""));
        assertFalse(EntityTags.matches("a", "\"a\""));
        assertFalse(EntityTags.matches(null, "\"a\""));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StaticSiteRoutesTest.class.getClassLoader().getResourceAsStream("public-fixture/" + name)) {
            return in.readAllBytes();
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Jetty writes {@code text/html;charset=utf-8}; the space after the semicolon is optional in HTTP. */
    private static String header(HttpResponse<?> response, String name) {
        String value = response.headers().firstValue(name).orElse("");
        return name.equals("Content-Type") ? value.replace(";charset", "; charset") : value;
    }

    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
