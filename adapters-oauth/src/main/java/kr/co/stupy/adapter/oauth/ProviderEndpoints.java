package kr.co.stupy.adapter.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * Where one OAuth provider lives: its authorization host and its API host. Both are settings so
 * tests can point them at a local stand-in; the paths under them are the provider's documented ones.
 */
public record ProviderEndpoints(URI authBase, URI apiBase, String authorizePath, String tokenPath, String profilePath) {

    public static final URI KAKAO_AUTH = URI.create("https://kauth.kakao.com");
    public static final URI KAKAO_API = URI.create("https://kapi.kakao.com");
    public static final URI NAVER_AUTH = URI.create("https://nid.naver.com");
    public static final URI NAVER_API = URI.create("https://openapi.naver.com");

    public ProviderEndpoints {
        Objects.requireNonNull(authBase, "authBase");
        Objects.requireNonNull(apiBase, "apiBase");
    }

    public static ProviderEndpoints kakao(URI authBase, URI apiBase) {
        return new ProviderEndpoints(authBase, apiBase, "/oauth/authorize", "/oauth/token", "/v2/user/me");
    }

    public static ProviderEndpoints naver(URI authBase, URI apiBase) {
        return new ProviderEndpoints(authBase, apiBase, "/oauth2.0/authorize", "/oauth2.0/token", "/v1/nid/me");
    }

    public String authorizeUrl() {
        return join(authBase, authorizePath);
    }

    public String tokenUrl() {
        return join(authBase, tokenPath);
    }

    public String profileUrl() {
        return join(apiBase, profilePath);
    }

    private static String join(URI base, String path) {
        String text = base.toString();
        return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path;
    }
}
