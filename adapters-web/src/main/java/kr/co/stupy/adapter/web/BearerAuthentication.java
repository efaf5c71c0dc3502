package kr.co.stupy.adapter.web;

import io.javalin.http.Context;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.application.identity.port.in.AuthenticateUseCase;
import kr.co.stupy.shared.DomainException;

/**
 * Requires {@code Authorization: Bearer <jwt>} on every matched {@code /api/**} route except the
 * public ones the contract names, and the API's own description (its document and the page showing it).
 */
final class BearerAuthentication {

    private final AuthenticateUseCase authenticate;

    BearerAuthentication(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    void filter(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/api/") || isPublic(path)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 8192) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED",
                    "a valid bearer token is required");
        }
        Authenticated.grant(ctx, authenticate.authenticate(header.substring(7).strip()));
    }

    static boolean isPublic(String path) {
        return path.startsWith("/api/auth/") || path.equals("/api/health") || path.equals("/api/health/live") || path.equals("/api/client-config")
                || path.equals("/api/openapi.json") || path.equals("/api/docs") || path.startsWith("/api/docs/");
    }
}
