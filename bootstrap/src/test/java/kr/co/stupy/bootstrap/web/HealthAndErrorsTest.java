package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HealthAndErrorsTest {

    @AutoClose
    static final TestNode node = TestNode.start();
    static final Api api = node.api();

    @Test
    void healthReportsTheEmbeddedStoreAndTheLocalBus() {
        Api.Reply reply = api.get("/api/health", null);
        assertEquals(200, reply.status());
        assertEquals("up", reply.body().get("status").asText());
        assertEquals("embedded", reply.body().get("store").asText());
        assertEquals("local", reply.body().get("bus").asText());
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedOneIsKept() throws Exception {
        String first = api.get("/api/health", null).headers().firstValue("X-Request-Id").orElseThrow();
        String second = api.get("/api/no-such-thing", null).headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(first.length() >= 8);
        assertFalse(first.equals(second), "each request gets its own id");

        assertEquals("proxy-id-0123456789", requestIdEchoedFor("proxy-id-0123456789"));
        String malformed = "<script>not an id</script>";
        assertFalse(requestIdEchoedFor(malformed).equals(malformed), "an id that is not well formed is replaced, never echoed");
    }

    private static String requestIdEchoedFor(String incoming) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/health")).header("X-Request-Id", incoming).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("X-Request-Id").orElseThrow();
    }

    @Test
    void unknownRoutesAreProblemJson404() {
        Api.Reply reply = api.get("/api/no-such-thing", null);
        assertEquals(404, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("NOT_FOUND", reply.code());
        assertEquals(404, reply.body().get("status").asInt());
        assertEquals("about:blank", reply.body().get("type").asText());
    }

    @Test
    void aWrongMethodIs405() {
        Api.Reply reply = api.send("DELETE", "/api/health", null, null);
        assertEquals(405, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("METHOD_NOT_ALLOWED", reply.code());
    }

    @Test
    void protectedRoutesWithoutATokenAre401() {
        Api.Reply reply = api.get("/api/users/me", null);
        assertEquals(401, reply.status());
        assertEquals("UNAUTHENTICATED", reply.code());
        assertEquals("Bearer", reply.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void wrongMediaTypeIs415AndBrokenJsonIs400() {
        assertEquals(415, api.raw("POST", "/api/auth/dev-login", null, "text/plain", "kim".getBytes(StandardCharsets.UTF_8)).status());
        Api.Reply broken = api.raw("POST", "/api/auth/dev-login", null, "application/json", "{\"nickname\":".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, broken.status());
        assertEquals("MALFORMED_BODY", broken.code());
        Api.Reply array = api.raw("POST", "/api/auth/dev-login", null, "application/json", "[1]".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, array.status());
    }

    @Test
    void oversizedBodiesAre413AndTheAnswerAlwaysArrives() {
        // The refusal is decided from Content-Length before the body is read; unless the server
        // drains what the client is still sending, closing the socket resets it and the client
        // sees no answer at all. Repeating over one pooled connection makes that race show.
        for (int size : new int[] {70 * 1024, 300 * 1024, 2 * 1024 * 1024}) {
            byte[] big = ("{\"nickname\":\"" + "a".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 10; attempt++) {
                Api.Reply reply = api.raw("POST", "/api/auth/dev-login", null, "application/json", big);
                assertEquals(413, reply.status(), size + " bytes, attempt " + attempt);
                assertEquals("PAYLOAD_TOO_LARGE", reply.code());
            }
        }
        assertEquals(200, api.get("/api/health", null).status(), "the connection pool is still healthy");
    }

    @Test
    void aBodyCutShortOfItsLengthIs400() throws Exception {
        URI base = URI.create(api.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/auth/dev-login HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"nickname\":\"cut").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();   // 17 of the 1000 bytes announced, then nothing more
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"code\":\"INCOMPLETE_BODY\""), answer);
        }
        assertEquals(200, api.get("/api/health", null).status());
    }

    @Test
    void anHttpsPublicAddressSendsHstsOnEveryAnswer() {
        assertTrue(api.get("/api/health", null).headers().firstValue("Strict-Transport-Security").isEmpty(), "not for plain http");
        try (TestNode behindTls = TestNode.start(TestNode.settings(TestNode.freshDataDir(), Optional.of(true),
                URI.create("https://stupy.example"), Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled()))) {
            Api https = behindTls.api();
            for (Api.Reply reply : List.of(https.get("/api/health", null), https.get("/api/no-such-thing", null),
                    https.get("/api/users/me", null), https.get("/", null))) {
                assertEquals(Optional.of("max-age=31536000; includeSubDomains"), reply.headers().firstValue("Strict-Transport-Security"),
                        reply.status() + " " + reply.raw());
            }
        }
    }

    @Test
    void problemsNeverLeakStackTraces() {
        Api.Reply reply = api.get("/api/no-such-thing", null);
        assertFalse(reply.raw().contains("at kr.co"));
        assertFalse(reply.raw().contains("Exception"));
    }

    @Test
    void aRefusedBodyIsReadToItsEndSoTheAnswerArrivesAndTheConnectionStaysUsable() throws Exception {
        assertEquals(413, refuseWhileTheBodyArrives("POST", "/api/auth/dev-login", "application/json", 200 * 1024));
        assertEquals(415, refuseWhileTheBodyArrives("POST", "/api/auth/dev-login", "text/plain", 200 * 1024));
        assertEquals(401, refuseWhileTheBodyArrives("PUT", "/api/users/me/image", "multipart/form-data; boundary=x", 1024 * 1024));
    }

    /**
     * Sends half of a body, waits so the server answers while the rest is on its way, sends the
     * rest, reads the answer, then asks for the health route on the same connection.
     */
    private static int refuseWhileTheBodyArrives(String method, String path, String contentType, int size) throws Exception {
        URI base = URI.create(api.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[size / 2]);
            out.flush();
            Thread.sleep(200);
            out.write(new byte[size - size / 2]);
            out.flush();
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            skipResponse(in);

            out.write(("GET /api/health HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertEquals("HTTP/1.1 200 OK", in.readLine(), "the same connection answers the next request after " + status);
            return status;
        }
    }

    private static void skipResponse(BufferedReader in) throws IOException {
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
    }
}
