package kr.co.stupy.bootstrap.web;

import kr.co.stupy.shared.testing.Parallel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.Browser;
import kr.co.stupy.bootstrap.support.StandInProvider;
import kr.co.stupy.bootstrap.support.StandInProvider.Account;
import kr.co.stupy.bootstrap.support.StandInProvider.Scenario;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Kakao and Naver login end to end: the real server, a local stand-in for each provider, a cookie-keeping client. */
class OAuthLoginTest {

    static final String KAKAO_ID = "kakao-rest-api-key";
    static final String KAKAO_SECRET = "kakao-client-secret-5f1d9e";
    static final String NAVER_ID = "naver-client-id";
    static final String NAVER_SECRET = "naver-client-secret-8c2a7b";
    static final ObjectMapper JSON = new ObjectMapper();

    static StandInProvider kakao;
    static StandInProvider naver;
    static TestNode node;
    static final List<String> locations = new CopyOnWriteArrayList<>();
    static final List<String> codes = new CopyOnWriteArrayList<>();
    static final List<String> states = new CopyOnWriteArrayList<>();
    static final List<String> tokens = new CopyOnWriteArrayList<>();
    static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    static final Map<String, Level> savedLevels = new java.util.HashMap<>();

    @BeforeAll
    static void start() {
        // Everything our code and the OAuth libraries log is captured, at every level, to look for secrets in it.
        for (String name : List.of("kr.co.stupy", "org.pac4j", "com.github.scribejava")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            savedLevels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);

        kakao = StandInProvider.start(KAKAO_ID, KAKAO_SECRET);
        naver = StandInProvider.start(NAVER_ID, NAVER_SECRET);
        node = TestNode.start(TestNode.settings(TestNode.freshDataDir(), Optional.empty(), URI.create("https://stupy.test"),
                new Settings.OAuthClientSettings(Optional.of(KAKAO_ID), Optional.of(KAKAO_SECRET), kakao.base(), kakao.base()),
                new Settings.OAuthClientSettings(Optional.of(NAVER_ID), Optional.of(NAVER_SECRET), naver.base(), naver.base())));
    }

    @AfterAll
    static void stop() {
        node.close();
        kakao.close();
        naver.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        savedLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    static Browser browser() {
        return new Browser(node.api().base(), locations);
    }

    /** Starts a login in {@code browser} and returns the state the provider would send back. */
    static String begin(Browser browser, String provider) {
        HttpResponse<String> response = browser.get("/api/auth/" + provider + "/login");
        assertEquals(302, response.statusCode(), response::body);
        String state = query(URI.create(response.headers().firstValue("Location").orElseThrow())).get("state");
        states.add(state);
        return state;
    }

    static HttpResponse<String> callback(Browser browser, String provider, String code, String state) {
        codes.add(code);
        return browser.get("/api/auth/" + provider + "/callback?code=" + code + "&state=" + state);
    }

    /** The whole dance: login, the provider's approval, the callback. Returns the fragment's parameters. */
    static Map<String, String> logIn(String provider, StandInProvider standIn, Scenario scenario, Account account) {
        Browser browser = browser();
        String state = begin(browser, provider);
        HttpResponse<String> response = callback(browser, provider, standIn.code(scenario, account), state);
        assertEquals(302, response.statusCode(), response::body);
        return fragment(response);
    }

    static Map<String, String> fragment(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/#/login?"), location);
        Map<String, String> parameters = query(URI.create("http://x/?" + location.substring("/#/login?".length())));
        if (parameters.containsKey("token")) {
            tokens.add(parameters.get("token"));
        }
        return parameters;
    }

    static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    static JsonNode me(String token) {
        Api.Reply reply = node.api().get("/api/users/me", new Api.Session(token, null, null));
        assertEquals(200, reply.status(), reply.raw());
        return reply.body();
    }

    static void assertInvalidState(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response::body);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        try {
            assertEquals("INVALID_STATE", JSON.readTree(response.body()).path("code").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void providersListTheConfiguredOnesAndDevLoginIsOff() {
        Api.Reply providers = node.api().get("/api/auth/providers", null);
        assertEquals("[\"kakao\",\"naver\"]", providers.body().get("providers").toString());
        assertEquals(404, node.api().post("/api/auth/dev-login", null, Map.of("nickname", "kim")).status());
    }

    @Test
    void loginSendsTheBrowserToTheProviderWithAStateAndABindingCookie() {
        Browser browser = browser();
        HttpResponse<String> response = browser.get("/api/auth/kakao/login");
        assertEquals(302, response.statusCode());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertEquals(kakao.base() + "/oauth/authorize", location.getScheme() + "://" + location.getAuthority() + location.getPath());
        Map<String, String> query = query(location);
        assertEquals(Set.of("response_type", "client_id", "redirect_uri", "state"), query.keySet());
        assertEquals("code", query.get("response_type"));
        assertEquals(KAKAO_ID, query.get("client_id"));
        assertEquals("https://stupy.test/api/auth/kakao/callback", query.get("redirect_uri"));

        String cookie = browser.setCookieHeaders().getFirst();
        assertTrue(cookie.startsWith("stupy_login="), cookie);
        for (String attribute : List.of("Path=/api/auth", "Max-Age=600", "Secure", "HttpOnly", "SameSite=Lax")) {
            assertTrue(Arrays.stream(cookie.split(";")).map(String::strip).anyMatch(attribute::equalsIgnoreCase), cookie);
        }
        // The state says nothing about the cookie's value.
        assertFalse(query.get("state").contains(browser.cookies().get("stupy_login")));

        HttpResponse<String> naverLogin = browser().get("/api/auth/naver/login");
        assertTrue(naverLogin.headers().firstValue("Location").orElseThrow().startsWith(naver.base() + "/oauth2.0/authorize?"));
    }

    @Test
    void aKakaoLoginCreatesTheUserOnceAndClearsTheCookie() {
        Account account = new Account("3141592653", "김카카오", "kim@kakao.example", "https://k.kakaocdn.net/dn/kim/img_640x640.jpg");
        Browser browser = browser();
        String state = begin(browser, "kakao");
        HttpResponse<String> response = callback(browser, "kakao", kakao.code(Scenario.OK, account), state);
        assertEquals(302, response.statusCode());
        Map<String, String> first = fragment(response);
        assertEquals("true", first.get("newUser"));
        assertTrue(browser.cookies().isEmpty(), "the binding cookie is cleared: " + browser.setCookieHeaders());

        JsonNode user = me(first.get("token"));
        assertEquals("김카카오", user.get("nickname").asText());
        assertEquals("kim@kakao.example", user.get("email").asText());
        assertEquals("https://k.kakaocdn.net/dn/kim/img_640x640.jpg", user.get("profileImageUrl").asText());
        assertEquals("[\"kakao\"]", user.get("providers").toString());

        Map<String, String> second = logIn("kakao", kakao, Scenario.OK, account);
        assertEquals("false", second.get("newUser"));
        assertEquals(user.get("id"), me(second.get("token")).get("id"));

        Map<String, String> tokenRequest = kakao.tokenRequests().stream()
                .filter(form -> form.get("code").equals(codes.get(codes.size() - 1))).findFirst().orElseThrow();
        assertEquals("authorization_code", tokenRequest.get("grant_type"));
        assertEquals("https://stupy.test/api/auth/kakao/callback", tokenRequest.get("redirect_uri"));
    }

    @Test
    void aNaverLoginIsItsOwnAccount() {
        Account account = new Account("naver-3a7f1c", "네이버공부", "lee@naver.example", "https://ssl.pstatic.net/static/lee.png");
        Map<String, String> login = logIn("naver", naver, Scenario.OK, account);
        assertEquals("true", login.get("newUser"));
        JsonNode user = me(login.get("token"));
        assertEquals("네이버공부", user.get("nickname").asText());
        assertEquals("[\"naver\"]", user.get("providers").toString());
        assertTrue(naver.tokenRequests().stream().allMatch(form -> form.get("state") != null && NAVER_SECRET.equals(form.get("client_secret"))));
    }

    @Test
    void aPersonWhoSharesNoEmailIsCreatedWithoutOne() {
        Map<String, String> login = logIn("kakao", kakao, Scenario.OK, new Account("777", "이메일없음", null, "https://k.kakaocdn.net/x.jpg"));
        assertEquals("true", login.get("newUser"));
        assertTrue(me(login.get("token")).get("email").isNull());
    }

    @Test
    void aProviderThatRefusesFailsOrBabblesSendsTheBrowserBackWithAnError() {
        Account account = new Account("999000", "실패", "fail@kakao.example", "https://k.kakaocdn.net/f.jpg");
        for (Scenario scenario : List.of(Scenario.REFUSED, Scenario.SERVER_ERROR, Scenario.GARBAGE_PROFILE)) {
            assertEquals(Map.of("error", "provider_unavailable"), logIn("kakao", kakao, scenario, account), scenario::name);
            assertEquals(Map.of("error", "provider_unavailable"), logIn("naver", naver, scenario, account), scenario::name);
        }
        assertTrue(logs.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().equals("kakao login failed: kakao token endpoint refused the code: invalid_grant (400)")));
    }

    @Test
    void aPersonWhoCancelsAtTheProviderIsSentBackAndTheStateIsSpent() {
        Browser browser = browser();
        String state = begin(browser, "kakao");
        String cookie = browser.cookies().get("stupy_login");
        HttpResponse<String> cancelled = browser.get("/api/auth/kakao/callback?error=access_denied&error_description=User%20denied%20access&state=" + state);
        assertEquals(302, cancelled.statusCode());
        assertEquals("/#/login?error=access_denied", cancelled.headers().firstValue("Location").orElseThrow());
        browser.setCookie("stupy_login", cookie);
        assertInvalidState(callback(browser, "kakao", kakao.code(Scenario.OK, new Account("1", "a", null, "https://a/b")), state));
    }

    @Test
    void stateAttacksAreRefused() {
        Account victim = new Account("424242", "피해자", null, "https://k.kakaocdn.net/v.jpg");
        int before = codes.size();

        // Replayed: the same callback twice, cookie and all.
        Browser browser = browser();
        String state = begin(browser, "kakao");
        String cookie = browser.cookies().get("stupy_login");
        assertEquals(302, callback(browser, "kakao", kakao.code(Scenario.OK, victim), state).statusCode());
        browser.setCookie("stupy_login", cookie);
        assertInvalidState(callback(browser, "kakao", kakao.code(Scenario.OK, victim), state));

        // Forged: a signature changed in its first character, or a payload changed under the signature.
        Browser forger = browser();
        String genuine = begin(forger, "kakao");
        String[] parts = genuine.split("\\.");
        String badSignature = String.join(".", parts[0], parts[1], parts[2], parts[3], (parts[4].charAt(0) == 'A' ? "B" : "A") + parts[4].substring(1));
        String laterExpiry = String.join(".", parts[0], parts[1], String.valueOf(Long.parseLong(parts[2]) + 86_400), parts[3], parts[4]);
        for (String forged : List.of(badSignature, laterExpiry, "garbage", genuine + "x")) {
            assertInvalidState(callback(forger, "kakao", kakao.code(Scenario.OK, victim), forged));
        }

        // Another provider's state, presented at the Naver callback with its own cookie.
        Browser switcher = browser();
        String kakaoState = begin(switcher, "kakao");
        assertInvalidState(callback(switcher, "naver", naver.code(Scenario.OK, victim), kakaoState));

        // No cookie at all.
        Browser cookieless = browser();
        String orphan = begin(cookieless, "kakao");
        cookieless.dropCookies();
        assertInvalidState(callback(cookieless, "kakao", kakao.code(Scenario.OK, victim), orphan));

        // Another browser's cookie: the attacker's state in the victim's browser (login CSRF).
        Browser attacker = browser();
        Browser target = browser();
        String attackerState = begin(attacker, "kakao");
        begin(target, "kakao");
        assertInvalidState(callback(target, "kakao", kakao.code(Scenario.OK, victim), attackerState));
        assertTrue(target.cookies().isEmpty(), "a refused callback clears the binding cookie too");

        // No state.
        Browser stateless = browser();
        begin(stateless, "kakao");
        HttpResponse<String> none = stateless.get("/api/auth/kakao/callback?code=" + kakao.code(Scenario.OK, victim));
        assertInvalidState(none);

        // Only the first, genuine callback reached a token endpoint; every refused state stopped before.
        List<String> used = List.copyOf(codes.subList(before, codes.size()));
        long exchanged = java.util.stream.Stream.concat(kakao.tokenRequests().stream(), naver.tokenRequests().stream())
                .filter(form -> used.contains(form.get("code"))).count();
        assertEquals(1, exchanged);
    }

    @Test
    void socialLoginsFromOneAddressAreBudgeted() {
        Settings strict = TestNode.settings(TestNode.freshDataDir(), Optional.empty(), URI.create("http://localhost:8080"),
                new Settings.OAuthClientSettings(Optional.of(KAKAO_ID), Optional.of(KAKAO_SECRET), kakao.base(), kakao.base()),
                Settings.OAuthClientSettings.naverDisabled())
                .withLimits(new Budgets(Map.of(Budgets.LOGIN_PER_ADDRESS.name(), Budgets.LOGIN_PER_ADDRESS.as(3, Duration.ofMinutes(10)))));
        try (TestNode limited = TestNode.start(strict)) {
            Browser browser = new Browser(limited.api().base(), new ArrayList<>());
            for (int i = 0; i < 3; i++) {
                assertEquals(302, browser.get("/api/auth/kakao/login").statusCode());
            }
            for (String path : List.of("/api/auth/kakao/login", "/api/auth/kakao/callback?code=a&state=b")) {
                HttpResponse<String> refused = browser.get(path);
                assertEquals(429, refused.statusCode(), path);
                assertTrue(refused.body().contains("\"RATE_LIMITED\""), refused::body);
                assertTrue(refused.headers().firstValue("Retry-After").isPresent(), path);
            }
        }
    }

    @Test
    void unknownAndUnconfiguredProvidersAreNotFound() {
        for (String path : List.of("/api/auth/github/login", "/api/auth/dev/login", "/api/auth/DEV/callback?state=x",
                "/api/auth/github/callback?code=a&state=b")) {
            HttpResponse<String> response = browser().get(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), path);
            assertTrue(response.body().contains("\"UNKNOWN_PROVIDER\""), response::body);
        }
        try (StandInProvider only = StandInProvider.start(KAKAO_ID, null);
             TestNode kakaoOnly = TestNode.start(TestNode.settings(TestNode.freshDataDir(), Optional.of(true),
                     URI.create("http://localhost:8080"),
                     new Settings.OAuthClientSettings(Optional.of(KAKAO_ID), Optional.empty(), only.base(), only.base()),
                     Settings.OAuthClientSettings.naverDisabled()))) {
            assertEquals("[\"kakao\",\"dev\"]", kakaoOnly.api().get("/api/auth/providers", null).body().get("providers").toString());
            Browser browser = new Browser(kakaoOnly.api().base(), new ArrayList<>());
            assertEquals(404, browser.get("/api/auth/naver/login").statusCode());
            assertEquals(404, browser.get("/api/auth/naver/callback?code=a&state=b").statusCode());
            // Plain http: the cookie is not marked Secure, or the browser would never send it back.
            HttpResponse<String> login = browser.get("/api/auth/kakao/login");
            assertFalse(login.headers().allValues("Set-Cookie").getFirst().toLowerCase(java.util.Locale.ROOT).contains("secure"));
            // A Kakao app without a client secret logs in without sending one.
            String state = query(URI.create(login.headers().firstValue("Location").orElseThrow())).get("state");
            HttpResponse<String> done = browser.get("/api/auth/kakao/callback?code="
                    + only.code(Scenario.OK, new Account("55", "비밀없음", null, "https://k.kakaocdn.net/n.jpg")) + "&state=" + state);
            assertTrue(done.headers().firstValue("Location").orElseThrow().startsWith("/#/login?token="));
            assertFalse(only.tokenRequests().getFirst().containsKey("client_secret"));
        }
    }

    @Test
    void parallelCallbacksForOneAccountMakeOneUser() throws Exception {
        Account account = new Account("8080808080", "동시접속", "same@kakao.example", "https://k.kakaocdn.net/s.jpg");
        int browsers = 8;
        List<Browser> started = new ArrayList<>();
        List<String> startedStates = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            Browser browser = browser();
            startedStates.add(begin(browser, "kakao"));
            started.add(browser);
        }
        List<String> codes = started.stream().map(browser -> kakao.code(Scenario.OK, account)).toList();
        List<Map<String, String>> logins = Parallel.run(browsers,
                i -> fragment(callback(started.get(i), "kakao", codes.get(i), startedStates.get(i))));
        assertEquals(1, logins.stream().filter(login -> "true".equals(login.get("newUser"))).count(), logins::toString);
        assertEquals(1, logins.stream().map(login -> me(login.get("token")).get("id").asText()).distinct().count());
    }

    @Test
    void noSecretIsInALocationWeSendOrInTheLog() {
        // A fresh round of everything that could leak: a good login, a refusal that quotes the code, a failure.
        Account account = new Account("1357924680", "비밀지킴", "secret@kakao.example", "https://k.kakaocdn.net/k.jpg");
        logIn("kakao", kakao, Scenario.OK, account);
        logIn("naver", naver, Scenario.OK, account);
        logIn("kakao", kakao, Scenario.REFUSED, account);
        logIn("naver", naver, Scenario.SERVER_ERROR, account);

        List<String> neverInALocation = new ArrayList<>(List.of(KAKAO_SECRET, NAVER_SECRET));
        neverInALocation.addAll(codes);
        neverInALocation.addAll(kakao.issuedTokens());
        neverInALocation.addAll(naver.issuedTokens());
        assertFalse(locations.isEmpty());
        for (String location : locations) {
            for (String secret : neverInALocation) {
                assertFalse(location.contains(secret), () -> "a Location carries a secret: " + location);
            }
        }

        List<String> neverInTheLog = new ArrayList<>(neverInALocation);
        neverInTheLog.addAll(states);
        neverInTheLog.addAll(tokens);
        List<String> lines = logs.list.stream().map(OAuthLoginTest::render).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("GET /api/auth/kakao/callback")), "the request log was captured");
        for (String line : lines) {
            for (String secret : neverInTheLog) {
                assertFalse(line.contains(secret), () -> "a log line carries a secret: " + line);
            }
        }
        assertNotEquals(0, states.size());
    }

    private static String render(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
