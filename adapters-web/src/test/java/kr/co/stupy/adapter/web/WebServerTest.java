package kr.co.stupy.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every route group gets from the server around it: bearer authentication, request ids and security headers. */
class WebServerTest {

    /** Who each request to the probe routes was let in as. */
    static final List<String> admitted = new CopyOnWriteArrayList<>();

    static final RouteGroup PROBES = routes -> {
        routes.get("/api/whoami", ctx -> {
            admitted.add(Authenticated.userId(ctx).value());
            ctx.json(Map.of("userId", Authenticated.userId(ctx).value()));
        });
        for (String open : List.of("/api/health", "/api/client-config", "/api/auth/anything", "/page")) {
            routes.get(open, ctx -> {
                admitted.add("anonymous");
                ctx.result("open");
            });
        }
    };

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(PROBES);

    final UserId me = UserId.newId();

    @AfterEach
    void forget() {
        admitted.clear();
        web.forgetTokensAsked();
    }

    @Test
    void aValidBearerTokenSpeaksForItsUser() {
        assertEquals(me.value(), web.as(me).get("/api/whoami").ok(200).get("userId").asText());
        assertEquals(me.value(), web.authorizedBy("bearer   " + WebAdapterHarness.tokenFor(me) + " ").get("/api/whoami")
                .ok(200).get("userId").asText(), "the scheme is case-insensitive and the token is trimmed");
        assertEquals(List.of(me.value(), me.value()), admitted);
        assertEquals(List.of(WebAdapterHarness.tokenFor(me), WebAdapterHarness.tokenFor(me)), web.tokensAsked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Token t-x", "Basic dXNlcjpwYXNz", "Bearer t-not-an-id", "Bearer nonsense"})
    void anythingElseIs401WithTheBearerChallengeAndTheRouteNeverRuns(String authorization) {
        Answer answer = authorization.isEmpty() ? web.anonymous().get("/api/whoami")
                : web.authorizedBy(authorization).get("/api/whoami");
        answer.problem(401, "UNAUTHENTICATED");
        assertEquals("Bearer", answer.header("WWW-Authenticate"));
        assertEquals(List.of(), admitted);
    }

    @Test
    void anOversizedAuthorizationHeaderIsRefusedWithoutAskingWhoItIs() {
        String huge = "Bearer " + WebAdapterHarness.tokenFor(me) + "x".repeat(8200);
        Answer answer = web.authorizedBy(huge).get("/api/whoami");
        // Jetty's 8 KiB limit on a request head (431) comes before the filter's own cap on the header (401).
        assertTrue(answer.status() == 431 || answer.status() == 401, answer::toString);
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals(List.of(), web.tokensAsked());
        assertEquals(List.of(), admitted);
    }

    @Test
    void theContractsPublicRoutesAndEverythingOutsideTheApiNeedNoToken() {
        for (String open : List.of("/api/health", "/api/client-config", "/api/auth/anything", "/page")) {
            assertEquals(200, web.anonymous().get(open).status(), open);
        }
        assertEquals(200, web.authorizedBy("Bearer expired").get("/api/health").status(), "a bad token does not matter there");
        assertEquals(5, admitted.size());
        assertEquals(List.of(), web.tokensAsked(), "a public route never looks at a token");
        assertFalse(BearerAuthentication.isPublic("/api/healthz"));
        assertFalse(BearerAuthentication.isPublic("/api/client-config/more"));
        assertFalse(BearerAuthentication.isPublic("/api/users/me"));
    }

    @Test
    void anUnknownApiRouteIs404EvenWithoutAToken() {
        web.anonymous().get("/api/whoami/else").problem(404, "NOT_FOUND");
    }

    @Test
    void everyAnswerCarriesARequestIdAndKeepsAWellFormedOneFromAProxy() {
        String assigned = web.anonymous().get("/page").header("X-Request-Id");
        assertTrue(assigned != null && assigned.length() >= 8, assigned);
        assertNotEquals(assigned, web.anonymous().get("/page").header("X-Request-Id"));
        assertEquals("proxy-id-1234", web.anonymous().get("/page", "X-Request-Id", "proxy-id-1234").header("X-Request-Id"));
        String refused = web.anonymous().get("/page", "X-Request-Id", "bad id<script>").header("X-Request-Id");
        assertNotEquals("bad id<script>", refused);
        assertTrue(web.anonymous().get("/api/whoami").header("X-Request-Id") != null, "errors too");
    }

    @Test
    void securityHeadersOnEveryAnswerAndNoStoreOnTheApi() {
        for (Answer answer : List.of(web.as(me).get("/api/whoami"), web.anonymous().get("/api/whoami"), web.anonymous().get("/page"))) {
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer::toString);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), answer::toString);
            assertEquals("DENY", answer.header("X-Frame-Options"), answer::toString);
            assertNull(answer.header("Strict-Transport-Security"), "not over plain http");
        }
        assertEquals("no-store", web.as(me).get("/api/whoami").header("Cache-Control"));
        assertNull(web.anonymous().get("/page").header("Cache-Control"));
    }
}
