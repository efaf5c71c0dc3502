package kr.co.stupy.application.identity.service;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.application.identity.port.in.SocialLogInUseCase;
import kr.co.stupy.application.identity.port.out.OAuthProvider;
import kr.co.stupy.application.identity.port.out.ProviderProfile;
import kr.co.stupy.application.identity.port.out.ProviderUnavailable;
import kr.co.stupy.application.identity.port.out.UsedLoginStates;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.shared.DomainException;

public final class SocialLogInService implements SocialLogInUseCase {

    private final LogInUseCase logIn;
    private final Map<Provider, OAuthProvider> providers = new EnumMap<>(Provider.class);
    private final UsedLoginStates usedStates;
    private final LoginStates states;

    /** {@code stateKey}: a secret of at least 256 bits; a key of its own for states is derived from it. */
    public SocialLogInService(LogInUseCase logIn, List<OAuthProvider> providers, UsedLoginStates usedStates,
                              byte[] stateKey, Clock clock) {
        this.logIn = logIn;
        for (OAuthProvider provider : providers) {
            if (provider.provider() == Provider.DEV || this.providers.put(provider.provider(), provider) != null) {
                throw new IllegalArgumentException("one OAuth client per social provider: " + provider.provider());
            }
        }
        this.usedStates = usedStates;
        this.states = new LoginStates(stateKey, clock);
    }

    @Override
    public List<Provider> enabledProviders() {
        return List.copyOf(providers.keySet());
    }

    @Override
    public Start begin(Provider provider) {
        OAuthProvider client = client(provider);
        LoginStates.Issued issued = states.issue(provider);
        return new Start(client.authorizationUrl(issued.state()), issued.browserBinding(), LoginStates.LIFETIME);
    }

    @Override
    public Outcome complete(Callback callback) {
        OAuthProvider client = client(callback.provider());
        // The state is checked and spent before anything else, also when the person declined.
        LoginStates.Verified verified = callback.state().flatMap(state -> callback.browserBinding()
                        .flatMap(binding -> states.verify(state, callback.provider(), binding)))
                .orElseThrow(SocialLogInService::invalidState);
        if (!usedStates.markUsed(verified.nonce(), verified.expiresAt())) {
            throw invalidState();
        }
        if (callback.error().isPresent()) {
            return new Denied();
        }
        if (callback.code().isEmpty()) {
            return new ProviderFailed("the callback carried neither a code nor an error");
        }
        ProviderProfile profile;
        try {
            profile = client.fetchProfile(callback.code().get(), callback.state().get());
        } catch (ProviderUnavailable e) {
            return new ProviderFailed(e.getMessage());
        }
        return new LoggedIn(logIn.logIn(commandFor(callback.provider(), profile)));
    }

    private static LogInUseCase.LogInCommand commandFor(Provider provider, ProviderProfile profile) {
        String fallback = switch (provider) {
            case KAKAO -> "카카오 사용자";
            case NAVER -> "네이버 사용자";
            case DEV -> "dev";
        };
        return new LogInUseCase.LogInCommand(new LinkedAccount(provider, profile.accountId()),
                Nickname.fromProvider(profile.nickname().orElse(null), fallback),
                profile.email().flatMap(Email::lenient), profile.profileImageUrl());
    }

    private OAuthProvider client(Provider provider) {
        OAuthProvider client = providers.get(provider);
        if (client == null) {
            throw DomainException.notFound("UNKNOWN_PROVIDER", "no login through " + provider.key() + " on this server");
        }
        return client;
    }

    private static DomainException invalidState() {
        return new DomainException(DomainException.Kind.INVALID, "INVALID_STATE",
                "the login request is unknown, expired, already used or from another browser; start the login again");
    }
}
