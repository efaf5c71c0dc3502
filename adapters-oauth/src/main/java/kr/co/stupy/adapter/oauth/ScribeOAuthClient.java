package kr.co.stupy.adapter.oauth;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.httpclient.jdk.JDKHttpClientConfig;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.OAuth20Service;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import kr.co.stupy.application.identity.port.out.OAuthProvider;
import kr.co.stupy.application.identity.port.out.ProviderProfile;
import kr.co.stupy.application.identity.port.out.ProviderUnavailable;
import kr.co.stupy.identity.Provider;
import org.pac4j.scribe.builder.api.GenericApi20;

/**
 * Kakao or Naver through pac4j-oauth's {@link GenericApi20} (a scribejava API whose endpoints are
 * ours to choose, so the hosts are settings) and scribejava's {@link OAuth20Service}. The
 * authorization-code flow only; the {@code state} is made and checked by the application, which is
 * why pac4j's session-based client layer is not used: states must work on any node without a session.
 * Every failure becomes {@link ProviderUnavailable} with a message that names what failed and never
 * carries the code, a token, the client secret or a response body.
 */
public final class ScribeOAuthClient implements OAuthProvider {

    /** Short, because a person is waiting in front of a redirect. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final Provider provider;
    private final OAuth20Service service;
    private final ProviderEndpoints endpoints;
    private final boolean stateInTokenRequest;
    private final Function<String, ProviderProfile> mapping;

    private ScribeOAuthClient(Provider provider, ProviderEndpoints endpoints, String clientId, Optional<String> clientSecret,
                              URI publicUrl, Duration connectTimeout, Duration readTimeout, boolean stateInTokenRequest,
                              Function<String, ProviderProfile> mapping) {
        this.provider = provider;
        this.endpoints = endpoints;
        this.stateInTokenRequest = stateInTokenRequest;
        this.mapping = mapping;
        GenericApi20 api = new GenericApi20(endpoints.authorizeUrl(), endpoints.tokenUrl());
        // Both providers take client_id and client_secret as form fields of the token request.
        api.setClientAuthenticationMethod(GenericApi20.REQUEST_BODY_AUTHENTICATION_METHOD);
        JDKHttpClientConfig http = JDKHttpClientConfig.defaultConfig()
                .withConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .withReadTimeout(Math.toIntExact(readTimeout.toMillis()));
        http.setFollowRedirects(false);
        ServiceBuilder builder = new ServiceBuilder(Objects.requireNonNull(clientId, "clientId"))
                .callback(callbackUrl(publicUrl, provider))
                .httpClientConfig(http)
                .userAgent("Stupy");
        clientSecret.ifPresent(builder::apiSecret);
        this.service = builder.build(api);
    }

    /** Kakao: the REST API key is the client id; a client secret is optional (on when enabled in the console). */
    public static ScribeOAuthClient kakao(ProviderEndpoints endpoints, String clientId, Optional<String> clientSecret,
                                          URI publicUrl, Duration connectTimeout, Duration readTimeout) {
        return new ScribeOAuthClient(Provider.KAKAO, endpoints, clientId, clientSecret, publicUrl, connectTimeout, readTimeout,
                false, ProfileMapping::kakao);
    }

    /** Naver: id and secret are both required; its token request carries the state again, as documented. */
    public static ScribeOAuthClient naver(ProviderEndpoints endpoints, String clientId, String clientSecret,
                                          URI publicUrl, Duration connectTimeout, Duration readTimeout) {
        return new ScribeOAuthClient(Provider.NAVER, endpoints, clientId, Optional.of(clientSecret), publicUrl,
                connectTimeout, readTimeout, true, ProfileMapping::naver);
    }

    /** Where the provider sends the browser back: {@code <public url>/api/auth/<provider>/callback}. */
    public static String callbackUrl(URI publicUrl, Provider provider) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/auth/" + provider.key() + "/callback";
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public String authorizationUrl(String state) {
        return service.getAuthorizationUrl(state);
    }

    @Override
    public ProviderProfile fetchProfile(String code, String state) {
        OAuth2AccessToken token = accessToken(code, state);
        OAuthRequest request = new OAuthRequest(Verb.GET, endpoints.profileUrl());
        service.signRequest(token, request);
        try (Response response = service.execute(request)) {
            if (response.getCode() != 200) {
                throw new ProviderUnavailable(provider.key() + " profile endpoint answered " + response.getCode());
            }
            return mapping.apply(response.getBody());
        } catch (IOException e) {
            throw new ProviderUnavailable(provider.key() + " profile endpoint unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(provider.key() + " profile request interrupted");
        } catch (ExecutionException | RuntimeException e) {
            if (e instanceof ProviderUnavailable unavailable) {
                throw unavailable;
            }
            throw new ProviderUnavailable(provider.key() + " profile request failed: " + e.getClass().getSimpleName());
        }
    }

    private OAuth2AccessToken accessToken(String code, String state) {
        AccessTokenRequestParams params = AccessTokenRequestParams.create(code);
        if (stateInTokenRequest) {
            params.addExtraParameter("state", state);
        }
        try {
            OAuth2AccessToken token = service.getAccessToken(params);
            if (token == null || token.getAccessToken() == null || token.getAccessToken().isBlank()) {
                throw new ProviderUnavailable(provider.key() + " token endpoint gave no access token");
            }
            return token;
        } catch (OAuth2AccessTokenErrorResponse e) {
            int status = e.getResponse().getCode();
            if (status >= 500 || e.getError() == null) {
                throw new ProviderUnavailable(provider.key() + " token endpoint answered " + status);
            }
            // The error code is a word from the OAuth spec (e.g. invalid_grant); the description may quote the code, so it is left out.
            throw new ProviderUnavailable(provider.key() + " token endpoint refused the code: "
                    + ProfileMapping.shortText(e.getError().getErrorString()) + " (" + status + ")");
        } catch (IOException e) {
            throw new ProviderUnavailable(provider.key() + " token endpoint unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(provider.key() + " token request interrupted");
        } catch (ExecutionException | RuntimeException e) {
            if (e instanceof ProviderUnavailable unavailable) {
                throw unavailable;
            }
            // scribejava reports an unreadable answer (5xx page, no access_token) as an OAuthException.
            throw new ProviderUnavailable(provider.key() + " token endpoint answered something unusable: " + e.getClass().getSimpleName());
        }
    }
}
