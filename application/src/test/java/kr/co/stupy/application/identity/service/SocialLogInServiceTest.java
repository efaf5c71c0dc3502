package kr.co.stupy.application.identity.service;

import kr.co.stupy.shared.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kr.co.stupy.application.identity.FakeTokens;
import kr.co.stupy.application.identity.port.in.SocialLogInUseCase.Callback;
import kr.co.stupy.application.identity.port.in.SocialLogInUseCase.Denied;
import kr.co.stupy.application.identity.port.in.SocialLogInUseCase.LoggedIn;
import kr.co.stupy.application.identity.port.in.SocialLogInUseCase.ProviderFailed;
import kr.co.stupy.application.identity.port.in.SocialLogInUseCase.Start;
import kr.co.stupy.application.identity.port.out.OAuthProvider;
import kr.co.stupy.application.identity.port.out.ProviderProfile;
import kr.co.stupy.application.identity.port.out.ProviderUnavailable;
import kr.co.stupy.application.identity.testing.InMemoryUsedLoginStates;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.shared.DomainException;
import org.junit.jupiter.api.Test;

class SocialLogInServiceTest {

    /** A provider that vouches for whoever the test says, or fails when told to. */
    static final class FakeProvider implements OAuthProvider {
        final Provider provider;
        ProviderProfile profile = new ProviderProfile("4242", Optional.of("김카카오"), Optional.of("kim@kakao.example"),
                Optional.of("https://k.kakaocdn.net/img.jpg"));
        boolean fail;
        final List<String> codes = new ArrayList<>();

        FakeProvider(Provider provider) {
            this.provider = provider;
        }

        @Override
        public Provider provider() {
            return provider;
        }

        @Override
        public String authorizationUrl(String state) {
            return "https://auth.example/" + provider.key() + "?state=" + state;
        }

        @Override
        public ProviderProfile fetchProfile(String code, String state) {
            codes.add(code);
            if (fail) {
                throw new ProviderUnavailable("token endpoint answered 500");
            }
            return profile;
        }
    }

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    final InMemoryUsers users = new InMemoryUsers();
    final FakeProvider kakao = new FakeProvider(Provider.KAKAO);
    final FakeProvider naver = new FakeProvider(Provider.NAVER);
    final InMemoryUsedLoginStates used = new InMemoryUsedLoginStates();
    final SocialLogInService service = new SocialLogInService(
            new LogInService(users, new FakeTokens(), userId -> List.of(), userId -> OptionalInt.empty(), clock), List.of(naver, kakao), used, KEY, clock);

    static String stateOf(Start start) {
        return start.authorizationUrl().substring(start.authorizationUrl().indexOf("state=") + 6);
    }

    static Callback callback(Provider provider, String code, Start start) {
        return new Callback(provider, Optional.ofNullable(code), Optional.empty(), Optional.of(stateOf(start)),
                Optional.of(start.browserBinding()));
    }

    @Test
    void providersAreListedInAStableOrder() {
        assertEquals(List.of(Provider.KAKAO, Provider.NAVER), service.enabledProviders());
    }

    @Test
    void aLoginCreatesTheUserOnceFromTheProfile() {
        Start start = service.begin(Provider.KAKAO);
        assertEquals(Duration.ofMinutes(10), start.validFor());
        var first = assertInstanceOf(LoggedIn.class, service.complete(callback(Provider.KAKAO, "code-1", start)));
        assertTrue(first.result().newUser());
        var user = first.result().profile().user();
        assertEquals("김카카오", user.nickname().value());
        assertEquals("kim@kakao.example", user.email().orElseThrow().value());
        assertEquals(Optional.of("https://k.kakaocdn.net/img.jpg"), user.profileImage());
        assertEquals(List.of(Provider.KAKAO), user.providers());
        assertEquals(List.of("code-1"), kakao.codes);

        Start again = service.begin(Provider.KAKAO);
        var second = assertInstanceOf(LoggedIn.class, service.complete(callback(Provider.KAKAO, "code-2", again)));
        assertFalse(second.result().newUser());
        assertEquals(user.id(), second.result().profile().user().id());
    }

    @Test
    void aProfileWithoutNicknameOrWithJunkEmailStillLogsIn() {
        naver.profile = new ProviderProfile("n-1", Optional.empty(), Optional.of("not an email"), Optional.of("http://insecure/img"));
        Start start = service.begin(Provider.NAVER);
        var user = assertInstanceOf(LoggedIn.class, service.complete(callback(Provider.NAVER, "c", start))).result().profile().user();
        assertEquals("네이버 사용자", user.nickname().value());
        assertEquals(Optional.empty(), user.email());
        assertEquals(Optional.empty(), user.profileImage());
    }

    @Test
    void aStateWorksOnce() {
        Start start = service.begin(Provider.KAKAO);
        assertInstanceOf(LoggedIn.class, service.complete(callback(Provider.KAKAO, "c", start)));
        assertInvalidState(callback(Provider.KAKAO, "c", start));
    }

    @Test
    void aStateExpiresAfterTenMinutes() {
        Start start = service.begin(Provider.KAKAO);
        clock.advance(Duration.ofMinutes(10));
        assertInvalidState(callback(Provider.KAKAO, "c", start));
        assertTrue(kakao.codes.isEmpty());
    }

    @Test
    void aStateJustBeforeExpiryStillWorks() {
        Start start = service.begin(Provider.KAKAO);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertInstanceOf(LoggedIn.class, service.complete(callback(Provider.KAKAO, "c", start)));
    }

    @Test
    void aStateIsForItsProviderOnly() {
        Start start = service.begin(Provider.KAKAO);
        assertInvalidState(callback(Provider.NAVER, "c", start));
        assertTrue(naver.codes.isEmpty());
    }

    @Test
    void aStateIsForTheBrowserThatStartedTheLogin() {
        Start mine = service.begin(Provider.KAKAO);
        Start theirs = service.begin(Provider.KAKAO);
        assertInvalidState(new Callback(Provider.KAKAO, Optional.of("c"), Optional.empty(), Optional.of(stateOf(mine)),
                Optional.of(theirs.browserBinding())));
        assertInvalidState(new Callback(Provider.KAKAO, Optional.of("c"), Optional.empty(), Optional.of(stateOf(mine)),
                Optional.empty()));
        // Neither failed attempt spent the state: its own browser can still finish.
        assertInstanceOf(LoggedIn.class, service.complete(callback(Provider.KAKAO, "c", mine)));
    }

    @Test
    void everyTamperedPartOfAStateIsRefused() {
        Start start = service.begin(Provider.KAKAO);
        String state = stateOf(start);
        String[] parts = state.split("\\.");
        assertEquals(5, parts.length);
        List<String> forged = new ArrayList<>(List.of("", "garbage", state + ".x", state.substring(0, state.length() - 2),
                state.replace("kakao.", "naver.")));
        for (int i = 0; i < parts.length; i++) {
            String[] changed = parts.clone();
            changed[i] = flipFirst(changed[i]);
            forged.add(String.join(".", changed));
        }
        String[] later = parts.clone();
        later[2] = String.valueOf(Long.parseLong(parts[2]) + 3600);
        forged.add(String.join(".", later));
        // A state signed with another key.
        var otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;
        forged.add(stateOf(new SocialLogInService(new LogInService(users, new FakeTokens(), u -> List.of(), u -> OptionalInt.empty(), clock),
                List.of(new FakeProvider(Provider.KAKAO)), used, otherKey, clock).begin(Provider.KAKAO)));
        for (String bad : forged) {
            assertInvalidState(new Callback(Provider.KAKAO, Optional.of("c"), Optional.empty(), Optional.of(bad),
                    Optional.of(start.browserBinding())));
        }
        assertInvalidState(new Callback(Provider.KAKAO, Optional.of("c"), Optional.empty(), Optional.empty(),
                Optional.of(start.browserBinding())));
        assertTrue(kakao.codes.isEmpty());
    }

    @Test
    void aDeclinedLoginSpendsTheStateWithoutAskingTheProvider() {
        Start start = service.begin(Provider.KAKAO);
        Callback declined = new Callback(Provider.KAKAO, Optional.empty(), Optional.of("access_denied"),
                Optional.of(stateOf(start)), Optional.of(start.browserBinding()));
        assertInstanceOf(Denied.class, service.complete(declined));
        assertInvalidState(declined);
        assertTrue(kakao.codes.isEmpty());
    }

    @Test
    void aFailingProviderIsAnOutcomeNotAnError() {
        kakao.fail = true;
        Start start = service.begin(Provider.KAKAO);
        var failed = assertInstanceOf(ProviderFailed.class, service.complete(callback(Provider.KAKAO, "c", start)));
        assertEquals("token endpoint answered 500", failed.reason());
        assertEquals(Optional.empty(), users.byAccount(new LinkedAccount(Provider.KAKAO, "4242")));
        assertInstanceOf(ProviderFailed.class, service.complete(callback(Provider.KAKAO, null, service.begin(Provider.KAKAO))));
    }

    @Test
    void providersThatAreNotConfiguredAreNotFound() {
        var onlyKakao = new SocialLogInService(new LogInService(users, new FakeTokens(), u -> List.of(), u -> OptionalInt.empty(), clock),
                List.of(kakao), used, KEY, clock);
        for (Provider provider : List.of(Provider.NAVER, Provider.DEV)) {
            var failure = assertThrows(DomainException.class, () -> onlyKakao.begin(provider));
            assertEquals("UNKNOWN_PROVIDER", failure.code());
            assertEquals(DomainException.Kind.NOT_FOUND, failure.kind());
        }
    }

    @Test
    void aShortKeyOrTwoClientsForOneProviderAreRefused() {
        var logIn = new LogInService(users, new FakeTokens(), u -> List.of(), u -> OptionalInt.empty(), clock);
        assertThrows(IllegalArgumentException.class, () -> new SocialLogInService(logIn, List.of(kakao), used, new byte[16], clock));
        assertThrows(IllegalArgumentException.class, () -> new SocialLogInService(logIn, List.of(kakao, kakao), used, KEY, clock));
    }

    private void assertInvalidState(Callback callback) {
        var failure = assertThrows(DomainException.class, () -> service.complete(callback));
        assertEquals("INVALID_STATE", failure.code());
        assertEquals(DomainException.Kind.INVALID, failure.kind());
    }

    // The first character: the last one of unpadded base64 may only carry padding bits.
    private static String flipFirst(String part) {
        return (part.charAt(0) == 'A' ? 'B' : 'A') + part.substring(1);
    }
}
