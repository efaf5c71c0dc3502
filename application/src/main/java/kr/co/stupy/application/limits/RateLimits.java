package kr.co.stupy.application.limits;

import java.time.Duration;
import kr.co.stupy.shared.RetryLaterException;

/**
 * Budgets of attempts per key (a client address, a user, a room). One node keeps them in its
 * process; nodes sharing Redis share them, so a limit holds however many nodes a client spreads
 * its attempts over.
 */
public interface RateLimits {

    /** Takes one attempt from {@code key}'s budget; a refusal says when the next attempt is allowed. */
    Verdict take(Budget budget, String key);

    /** Gives one attempt back (one that turned out not to count, such as a right password); never above the capacity. */
    void giveBack(Budget budget, String key);

    /** Takes one attempt or refuses with {@code 429 RATE_LIMITED}, naming what was limited. */
    default void require(Budget budget, String key, String what) {
        Verdict verdict = take(budget, key);
        if (!verdict.allowed()) {
            throw RetryLaterException.rateLimited("too many " + what + "; try again in "
                    + Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000) + " s", verdict.retryAfter());
        }
    }

    record Verdict(boolean allowed, Duration retryAfter) {

        public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        public Verdict {
            if (retryAfter == null || retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must be zero or more");
            }
        }

        public static Verdict refused(Duration retryAfter) {
            return new Verdict(false, retryAfter);
        }
    }
}
