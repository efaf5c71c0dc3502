package kr.co.stupy.adapter.web.identity;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.WebProblem;
import kr.co.stupy.application.identity.port.in.SocialLogInUseCase;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.identity.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser side of the Kakao and Naver logins: {@code /api/auth/{provider}/login} sends the
 * browser to the provider and gives it the cookie that binds the login to it;
 * {@code /api/auth/{provider}/callback} finishes and sends the browser to the web app with the token
 * in the URL fragment, which browsers never send to a server or put in a Referer.
 */
public final class OAuthRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthRoutes.class);
    static final String COOKIE = "stupy_login";
    static final String COOKIE_PATH = "/api/auth";

    private final SocialLogInUseCase socialLogIn;
    private final boolean secureCookie;
    private final RateLimits limits;
    private final Budget perAddress;

    /**
     * {@code secureCookie}: true when users reach Stupy over https, so the cookie never travels in clear.
     * {@code perAddress}: the logins one client address may start and finish, since each costs a
     * round trip to the provider.
     */
    public OAuthRoutes(SocialLogInUseCase socialLogIn, boolean secureCookie, RateLimits limits, Budget perAddress) {
        this.socialLogIn = socialLogIn;
        this.secureCookie = secureCookie;
        this.limits = limits;
        this.perAddress = perAddress;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/auth/{provider}/login", this::begin);
        routes.get("/api/auth/{provider}/callback", this::callback);
    }

    private void begin(Context ctx) {
        Provider provider = provider(ctx);
        limits.require(perAddress, "oauth:" + ctx.ip(), "logins from this address");
        SocialLogInUseCase.Start start = socialLogIn.begin(provider);
        ctx.cookie(cookie(start.browserBinding(), Math.toIntExact(start.validFor().toSeconds())));
        ctx.redirect(start.authorizationUrl(), HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        Provider provider = provider(ctx);
        limits.require(perAddress, "oauth:" + ctx.ip(), "logins from this address");
        var callback = new SocialLogInUseCase.Callback(provider, Optional.ofNullable(ctx.queryParam("code")),
                Optional.ofNullable(ctx.queryParam("error")), Optional.ofNullable(ctx.queryParam("state")),
                Optional.ofNullable(ctx.cookie(COOKIE)));
        // The binding is spent whatever happens next; a new login gets a new one.
        ctx.cookie(cookie("", 0));
        String target = switch (socialLogIn.complete(callback)) {
            case SocialLogInUseCase.LoggedIn in -> "/#/login?token=" + URLEncoder.encode(in.result().token(), StandardCharsets.UTF_8)
                    + "&newUser=" + in.result().newUser();
            case SocialLogInUseCase.Denied denied -> "/#/login?error=access_denied";
            case SocialLogInUseCase.ProviderFailed failed -> {
                LOG.warn("{} login failed: {}", provider.key(), failed.reason());
                yield "/#/login?error=provider_unavailable";
            }
        };
        ctx.redirect(target, HttpStatus.FOUND);
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(COOKIE, value, COOKIE_PATH, maxAgeSeconds, secureCookie, true, null, SameSite.LAX);
    }

    /** Only the social providers have these routes; anything else, dev included, is no route at all. */
    private static Provider provider(Context ctx) {
        return Provider.fromKey(ctx.pathParam("provider")).filter(p -> p != Provider.DEV)
                .orElseThrow(() -> new WebProblem(404, "UNKNOWN_PROVIDER", "no such login provider"));
    }
}
