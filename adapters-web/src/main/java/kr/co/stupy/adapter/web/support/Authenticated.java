package kr.co.stupy.adapter.web.support;

import io.javalin.http.Context;
import kr.co.stupy.shared.UserId;

/** The user a request speaks for, put there by the authentication filter. */
public final class Authenticated {

    private static final String ATTRIBUTE = "stupy.userId";

    private Authenticated() {
    }

    /** Marks the request as speaking for {@code userId}; only the authentication filter calls this. */
    public static void grant(Context ctx, UserId userId) {
        ctx.attribute(ATTRIBUTE, userId);
    }

    public static UserId userId(Context ctx) {
        UserId userId = ctx.attribute(ATTRIBUTE);
        if (userId == null) {
            // A route reached without the filter would be a wiring mistake, never a client's.
            throw new IllegalStateException("route " + ctx.path() + " is not behind authentication");
        }
        return userId;
    }
}
