package kr.co.stupy.adapter.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import kr.co.stupy.application.identity.port.out.ProviderUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests the client sends and how it reads answers, against a small local provider. */
class ScribeOAuthClientTest {

    static final URI PUBLIC = URI.create("https://stupy.example");

    HttpServer server;
    URI base;
    final List<String> tokenForms = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile int tokenStatus = 200;
    volatile String tokenBody = "{\"token_type\":\"bearer\",\"access_token\":\"AT-123\",\"expires_in\":21599}";
    volatile String profileBody = ProfileMappingTest.KAKAO_FULL;
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hang;

    @BeforeEach
    void startProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/token", exchange -> {
            tokenForms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (hang) {
                awaitRelease();
            }
            answer(exchange, tokenStatus, tokenBody);
        });
        server.createContext("/oauth2.0/token", exchange -> {
            tokenForms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, tokenBody);
        });
        server.createContext("/v2/user/me", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, profileBody);
        });
        server.createContext("/v1/nid/me", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, ProfileMappingTest.NAVER_FULL);
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopProvider() {
        release.countDown();
        server.stop(0);
    }

    ScribeOAuthClient kakao(Optional<String> secret, Duration readTimeout) {
        return ScribeOAuthClient.kakao(ProviderEndpoints.kakao(base, base), "kakao-rest-key", secret, PUBLIC,
                Duration.ofSeconds(2), readTimeout);
    }

    @Test
    void theAuthorizationUrlIsTheDocumentedOne() {
        String url = kakao(Optional.of("kakao-secret"), Duration.ofSeconds(5)).authorizationUrl("the-state");
        assertTrue(url.startsWith(base + "/oauth/authorize?"), url);
        Map<String, String> query = form(URI.create(url).getRawQuery());
        assertEquals(Map.of("response_type", "code", "client_id", "kakao-rest-key",
                "redirect_uri", "https://stupy.example/api/auth/kakao/callback", "state", "the-state"), query);
        assertFalse(url.contains("kakao-secret"));
    }

    @Test
    void kakaoTradesTheCodeWithTheSecretInTheBodyAndReadsTheProfileWithTheBearerToken() {
        var profile = kakao(Optional.of("kakao-secret"), Duration.ofSeconds(5)).fetchProfile("the-code", "the-state");
        assertEquals("3141592653", profile.accountId());
        Map<String, String> form = form(tokenForms.getFirst());
        assertEquals(Map.of("grant_type", "authorization_code", "code", "the-code", "client_id", "kakao-rest-key",
                "client_secret", "kakao-secret", "redirect_uri", "https://stupy.example/api/auth/kakao/callback"), form);
        assertEquals(List.of("Bearer AT-123"), authorizations);
    }

    @Test
    void kakaoWithoutASecretSendsNone() {
        kakao(Optional.empty(), Duration.ofSeconds(5)).fetchProfile("the-code", "the-state");
        assertFalse(form(tokenForms.getFirst()).containsKey("client_secret"));
    }

    @Test
    void naverAlsoGetsTheStateInTheTokenRequest() {
        var naver = ScribeOAuthClient.naver(ProviderEndpoints.naver(base, base), "naver-id", "naver-secret", PUBLIC,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertTrue(naver.authorizationUrl("s").startsWith(base + "/oauth2.0/authorize?"));
        assertEquals("32742776", naver.fetchProfile("the-code", "the-state").accountId());
        Map<String, String> form = form(tokenForms.getFirst());
        assertEquals("the-state", form.get("state"));
        assertEquals("naver-secret", form.get("client_secret"));
    }

    @Test
    void aRefusedCodeIsAFailureThatNamesTheOAuthErrorOnly() {
        tokenStatus = 400;
        tokenBody = "{\"error\":\"invalid_grant\",\"error_description\":\"authorization code the-code not found\",\"error_code\":\"KOE320\"}";
        var failure = assertThrows(ProviderUnavailable.class,
                () -> kakao(Optional.of("kakao-secret"), Duration.ofSeconds(5)).fetchProfile("the-code", "s"));
        assertEquals("kakao token endpoint refused the code: invalid_grant (400)", failure.getMessage());
    }

    @Test
    void serverErrorsAndNonsenseAreFailuresWithoutSecretsInTheMessage() {
        for (String body : List.of("<html>Internal Server Error the-code</html>", "", "{\"token_type\":\"bearer\"}")) {
            tokenStatus = body.startsWith("<") ? 500 : 200;
            tokenBody = body;
            var failure = assertThrows(ProviderUnavailable.class,
                    () -> kakao(Optional.of("kakao-secret"), Duration.ofSeconds(5)).fetchProfile("the-code", "s"), body);
            assertFalse(failure.getMessage().contains("the-code") || failure.getMessage().contains("kakao-secret"), failure.getMessage());
        }
        tokenStatus = 200;
        tokenBody = "{\"token_type\":\"bearer\",\"access_token\":\"AT-123\",\"expires_in\":21599}";
        profileBody = "{\"id\": 12, \"kakao_account\": {";
        assertThrows(ProviderUnavailable.class, () -> kakao(Optional.empty(), Duration.ofSeconds(5)).fetchProfile("c", "s"));
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsAFailure() {
        hang = true;
        var failure = assertThrows(ProviderUnavailable.class,
                () -> kakao(Optional.empty(), Duration.ofMillis(200)).fetchProfile("c", "s"));
        assertTrue(failure.getMessage().startsWith("kakao token endpoint"), failure.getMessage());
    }

    @Test
    void anUnreachableProviderIsAFailure() {
        server.stop(0);
        assertThrows(ProviderUnavailable.class, () -> kakao(Optional.empty(), Duration.ofSeconds(1)).fetchProfile("c", "s"));
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 500 ? "text/html" : "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static Map<String, String> form(String encoded) {
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b, LinkedHashMap::new));
    }
}
