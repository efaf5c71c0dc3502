package kr.co.stupy.adapter.web.support;

import io.javalin.http.Context;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;

/**
 * The budget of the reads that cost the server most (room search, statistics over a year, rankings),
 * one per user whatever the read: a client polling them in a loop is refused with {@code 429}
 * instead of keeping the store busy. Cheap reads (a room, my rooms, a leaderboard) are not counted.
 */
public record ReadBudget(RateLimits limits, Budget budget) {

    public ReadBudget {
        if (limits == null || budget == null) {
            throw new IllegalArgumentException("limits and budget are required");
        }
    }

    /** Takes one read from the signed-in user's budget, or refuses with {@code 429 RATE_LIMITED}. */
    public void spend(Context ctx) {
        limits.require(budget, Authenticated.userId(ctx).value(), "searches and statistics");
    }
}
