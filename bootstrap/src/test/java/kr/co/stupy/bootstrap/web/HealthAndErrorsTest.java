package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    void oversizedBodiesAre413() {
        byte[] big = ("{\"nickname\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Reply reply = api.raw("POST", "/api/auth/dev-login", null, "application/json", big);
        assertEquals(413, reply.status());
        assertEquals("PAYLOAD_TOO_LARGE", reply.code());
    }

    @Test
    void problemsNeverLeakStackTraces() {
        Api.Reply reply = api.get("/api/no-such-thing", null);
        assertFalse(reply.raw().contains("at kr.co"));
        assertFalse(reply.raw().contains("Exception"));
    }
}
