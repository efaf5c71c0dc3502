package kr.co.stupy.adapter.web.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.WebFixtures;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase.DevLogInCommand;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase.GuestSecret;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthRoutesTest {

    static final DevLogInUseCase devLogIn = mock(DevLogInUseCase.class);
    static final List<String> providers = new CopyOnWriteArrayList<>();

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new AuthRoutes(devLogIn, () -> providers, Json.mapper()));

    static final GuestSecret SECRET = new GuestSecret("a".repeat(GuestSecret.LENGTH - 2) + "-_");
    final UserId guest = UserId.newId();

    @BeforeEach
    void devLogInIsOn() {
        when(devLogIn.enabled()).thenReturn(true);
    }

    @AfterEach
    void forget() {
        reset(devLogIn);
        providers.clear();
    }

    @Test
    void theProvidersAreTheEnabledOnesReadOnEveryRequestWithoutAToken() {
        providers.addAll(List.of("kakao", "dev"));
        JsonNode body = web.anonymous().get("/api/auth/providers").ok(200);
        assertEquals(List.of("providers"), Answer.fieldNames(body));
        assertEquals(List.of("kakao", "dev"), UserRoutesTest.strings(body.get("providers")));
        providers.remove("dev");
        assertEquals(List.of("kakao"), UserRoutesTest.strings(web.anonymous().get("/api/auth/providers").ok(200).get("providers")));
    }

    @Test
    void aNewGuestIsNamedByTheNicknameAndGetsTokenUserAndSecret() {
        when(devLogIn.devLogIn(any())).thenReturn(loggedIn(true));
        JsonNode body = web.anonymous().post("/api/auth/dev-login", "{\"nickname\":\" kim \"}").ok(200);
        verify(devLogIn).devLogIn(new DevLogInCommand(Optional.of(new Nickname("kim")), Optional.empty(), "127.0.0.1"));
        assertEquals(List.of("guestSecret", "newUser", "token", "user"), Answer.fieldNames(body));
        assertEquals("jwt-for-" + guest.value(), body.get("token").asText());
        assertEquals(true, body.get("newUser").asBoolean());
        assertEquals(guest.value(), body.get("user").get("id").asText());
        assertEquals("kim", body.get("user").get("nickname").asText());
        assertEquals(SECRET.value(), body.get("guestSecret").asText());
    }

    @Test
    void aReturningGuestIsKnownByTheSecretAndNeedsNoNickname() {
        when(devLogIn.devLogIn(any())).thenReturn(loggedIn(false));
        JsonNode body = web.anonymous().post("/api/auth/dev-login", "{\"guestSecret\":\"" + SECRET.value() + "\"}").ok(200);
        verify(devLogIn).devLogIn(new DevLogInCommand(Optional.empty(), Optional.of(SECRET), "127.0.0.1"));
        assertEquals(false, body.get("newUser").asBoolean());
    }

    @Test
    void aGuestWithoutNicknameOrWithAForeignSecretIsRefusedBeforeTheLogIn() {
        assertEquals(List.of("nickname"), web.anonymous().post("/api/auth/dev-login", "{}").invalidFields());
        assertEquals(List.of("nickname"), web.anonymous().post("/api/auth/dev-login", "{\"guestSecret\":null}").invalidFields());
        assertEquals(List.of("guestSecret"),
                web.anonymous().post("/api/auth/dev-login", "{\"guestSecret\":\"short\",\"nickname\":\"kim\"}").invalidFields());
        assertEquals(List.of("nickname"), web.anonymous().post("/api/auth/dev-login", "{\"nickname\":\"\"}").invalidFields());
        web.anonymous().post("/api/auth/dev-login", "{\"nickname\":").problem(400, "MALFORMED_BODY");
        verify(devLogIn, never()).devLogIn(any());
    }

    @Test
    void aDisabledDevLoginIs404WhateverTheBody() {
        when(devLogIn.enabled()).thenReturn(false);
        when(devLogIn.devLogIn(isNull())).thenThrow(DomainException.notFound("DEV_LOGIN_DISABLED", "dev login is off"));
        web.anonymous().post("/api/auth/dev-login", "{\"nickname\":\"kim\"}").problem(404, "DEV_LOGIN_DISABLED");
        web.anonymous().send("POST", "/api/auth/dev-login", "text/plain", "kim".getBytes()).problem(404, "DEV_LOGIN_DISABLED");
    }

    @Test
    void tooManyGuestsFromOneAddressIs429WithRetryAfter() {
        when(devLogIn.devLogIn(any())).thenThrow(RetryLaterException.rateLimited("too many guests", Duration.ofMillis(59_001)));
        Answer answer = web.anonymous().post("/api/auth/dev-login", "{\"nickname\":\"kim\"}");
        answer.problem(429, "RATE_LIMITED");
        assertEquals("60", answer.header("Retry-After"));
    }

    private DevLogInUseCase.GuestLogIn loggedIn(boolean newUser) {
        var result = new LogInUseCase.LogInResult("jwt-for-" + guest.value(), Instant.parse("2026-12-01T00:00:00Z"), newUser,
                WebFixtures.profile(guest, "kim"));
        return new DevLogInUseCase.GuestLogIn(result, SECRET);
    }
}
