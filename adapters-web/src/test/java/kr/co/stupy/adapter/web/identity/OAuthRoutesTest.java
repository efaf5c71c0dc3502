package kr.co.stupy.adapter.web.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.StubRateLimits;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.WebFixtures;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.application.identity.port.in.SocialLogInUseCase;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthRoutesTest {

    static final SocialLogInUseCase socialLogIn = mock(SocialLogInUseCase.class);
    static final StubRateLimits limits = new StubRateLimits();
    static final Budget PER_ADDRESS = new Budget("logins", 10, Duration.ofMinutes(1));

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new OAuthRoutes(socialLogIn, true, limits, PER_ADDRESS));

    @AfterEach
    void forget() {
        reset(socialLogIn);
        limits.reset();
    }

    @Test
    void aLoginStartsAtTheProviderWithTheBindingInAStrictCookie() {
        when(socialLogIn.begin(Provider.KAKAO)).thenReturn(new SocialLogInUseCase.Start(
                "https://kauth.kakao.com/oauth/authorize?state=s1", "binding-1", Duration.ofMinutes(10)));
        Answer answer = web.anonymous().get("/api/auth/kakao/login");
        assertEquals(302, answer.status());
        assertEquals("https://kauth.kakao.com/oauth/authorize?state=s1", answer.header("Location"));
        String cookie = answer.header("Set-Cookie");
        assertTrue(cookie.startsWith("stupy_login=binding-1;"), cookie);
        for (String attribute : List.of("Path=/api/auth", "Max-Age=600", "HttpOnly", "Secure", "SameSite=Lax")) {
            assertTrue(cookie.contains(attribute), attribute + " in " + cookie);
        }
        assertEquals(List.of("logins oauth:127.0.0.1"), limits.taken());
    }

    @Test
    void aCallbackHandsOnCodeStateAndBindingAndSendsTheTokenInTheFragment() {
        UserId user = UserId.newId();
        when(socialLogIn.complete(any())).thenReturn(new SocialLogInUseCase.LoggedIn(new LogInUseCase.LogInResult(
                "a.b+c", Instant.parse("2026-12-01T00:00:00Z"), false, WebFixtures.profile(user, "kim"))));
        Answer answer = web.anonymous().get("/api/auth/naver/callback?code=c-1&state=s-1", "Cookie", "stupy_login=binding-1");
        verify(socialLogIn).complete(new SocialLogInUseCase.Callback(Provider.NAVER, Optional.of("c-1"), Optional.empty(),
                Optional.of("s-1"), Optional.of("binding-1")));
        assertEquals(302, answer.status());
        assertEquals("/#/login?token=a.b%2Bc&newUser=false", answer.header("Location"));
        String spent = answer.header("Set-Cookie");
        assertTrue(spent.startsWith("stupy_login=;") && spent.contains("Path=/api/auth"), spent);
        assertTrue(spent.contains("Max-Age=0") || spent.contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"), "the binding is spent: " + spent);
    }

    @Test
    void aDeclinedOrFailedLoginSendsTheBrowserBackWithAReason() {
        when(socialLogIn.complete(any())).thenReturn(new SocialLogInUseCase.Denied());
        Answer denied = web.anonymous().get("/api/auth/kakao/callback?error=access_denied&state=s-1");
        verify(socialLogIn).complete(new SocialLogInUseCase.Callback(Provider.KAKAO, Optional.empty(),
                Optional.of("access_denied"), Optional.of("s-1"), Optional.empty()));
        assertEquals("/#/login?error=access_denied", denied.header("Location"));

        when(socialLogIn.complete(any())).thenReturn(new SocialLogInUseCase.ProviderFailed("token endpoint said 500"));
        Answer failed = web.anonymous().get("/api/auth/kakao/callback?code=c&state=s");
        assertEquals(302, failed.status());
        assertEquals("/#/login?error=provider_unavailable", failed.header("Location"));
    }

    @Test
    void aBadOrReplayedStateIs400() {
        when(socialLogIn.complete(any())).thenThrow(new DomainException(DomainException.Kind.INVALID, "INVALID_STATE", "replayed"));
        web.anonymous().get("/api/auth/kakao/callback?code=c&state=old").problem(400, "INVALID_STATE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/dev/login", "/api/auth/github/login", "/api/auth/KAKAO/callback?code=c"})
    void onlyTheSocialProvidersHaveTheseRoutes(String path) {
        web.anonymous().get(path).problem(404, "UNKNOWN_PROVIDER");
        verifyNoInteractions(socialLogIn);
        assertEquals(List.of(), limits.taken());
    }

    @Test
    void anAddressThatStartsTooManyLoginsIsRefusedBeforeTheProviderIsAsked() {
        limits.refuse(Duration.ofSeconds(30));
        Answer begin = web.anonymous().get("/api/auth/kakao/login");
        begin.problem(429, "RATE_LIMITED");
        assertEquals("30", begin.header("Retry-After"));
        web.anonymous().get("/api/auth/kakao/callback?code=c&state=s").problem(429, "RATE_LIMITED");
        verifyNoInteractions(socialLogIn);
    }
}
