package kr.co.stupy.bootstrap.wiring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kr.co.stupy.adapter.oauth.ProviderEndpoints;
import kr.co.stupy.adapter.oauth.ScribeOAuthClient;
import kr.co.stupy.adapter.web.token.JwtTokenService;
import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.identity.port.out.OAuthProvider;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.identity.port.out.StudyGoals;
import kr.co.stupy.application.identity.service.AccountDeletionService;
import kr.co.stupy.application.identity.service.AuthenticationService;
import kr.co.stupy.application.identity.service.DevLogInService;
import kr.co.stupy.application.identity.service.LogInService;
import kr.co.stupy.application.identity.service.ProfileService;
import kr.co.stupy.application.identity.service.SocialLogInService;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.identity.Provider;

/** Identity: logging in (guest, Kakao, Naver), profiles, account deletion, and who a token belongs to. */
public record IdentityContext(DevLogInService devLogIn, SocialLogInService socialLogIn, ProfileService profiles,
                              AccountDeletionService deletion, AuthenticationService authentication, List<String> offeredLogins) {

    /** What identity needs from the rest of the node, by name. */
    public record Dependencies(Stores stores, JwtTokenService tokens, byte[] tokenKey, RoomMemberships memberships, StudyGoals goals,
                               List<AccountCleanup> cleanups, RateLimits limits, Budgets budgets, Clock clock) {
    }

    public static IdentityContext wire(Settings settings, Dependencies needs) {
        var stores = needs.stores();
        var logIn = new LogInService(stores.users(), needs.tokens(), needs.memberships(), needs.goals(), needs.clock());
        boolean devLoginEnabled = settings.devLoginEnabled();
        var devLogIn = new DevLogInService(logIn, stores.users(), devLoginEnabled, needs.limits(), needs.budgets());
        // The state key is derived from the token key inside the service, so every node signing tokens alike checks states alike.
        var socialLogIn = new SocialLogInService(logIn, oauthClients(settings), stores.loginStates(), needs.tokenKey(), needs.clock());
        var profiles = new ProfileService(stores.users(), stores.images(), needs.memberships(), needs.goals(), needs.limits(),
                needs.budgets());
        var deletion = new AccountDeletionService(stores.users(), stores.images(), needs.cleanups());
        var authentication = new AuthenticationService(needs.tokens(), stores.users());
        List<String> offered = new ArrayList<>(socialLogIn.enabledProviders().stream().map(Provider::key).toList());
        if (devLoginEnabled) {
            offered.add("dev");
        }
        return new IdentityContext(devLogIn, socialLogIn, profiles, deletion, authentication, List.copyOf(offered));
    }

    private static List<OAuthProvider> oauthClients(Settings settings) {
        List<OAuthProvider> clients = new ArrayList<>();
        Settings.OAuthClientSettings kakao = settings.kakao();
        Settings.OAuthClientSettings naver = settings.naver();
        if (kakao.enabled()) {
            clients.add(ScribeOAuthClient.kakao(ProviderEndpoints.kakao(kakao.authUrl(), kakao.apiUrl()), kakao.clientId().orElseThrow(),
                    kakao.clientSecret(), settings.effectivePublicUrl(), ScribeOAuthClient.CONNECT_TIMEOUT, ScribeOAuthClient.READ_TIMEOUT));
        }
        if (naver.enabled()) {
            clients.add(ScribeOAuthClient.naver(ProviderEndpoints.naver(naver.authUrl(), naver.apiUrl()), naver.clientId().orElseThrow(),
                    naver.clientSecret().orElseThrow(), settings.effectivePublicUrl(), ScribeOAuthClient.CONNECT_TIMEOUT,
                    ScribeOAuthClient.READ_TIMEOUT));
        }
        return clients;
    }
}
