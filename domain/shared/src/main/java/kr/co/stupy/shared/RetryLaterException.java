package kr.co.stupy.shared;

import java.time.Duration;

/**
 * The request was refused for now, not for good: a budget of attempts is spent ({@code RATE_LIMITED})
 * or the server is shedding load ({@code BUSY}). {@link #retryAfterSeconds()} says when trying again
 * can succeed, so a client waits instead of hammering.
 */
public final class RetryLaterException extends DomainException {

    private final Duration retryAfter;

    private RetryLaterException(Kind kind, String code, String message, Duration retryAfter) {
        super(kind, code, message);
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        this.retryAfter = retryAfter;
    }

    public static RetryLaterException rateLimited(String message, Duration retryAfter) {
        return new RetryLaterException(Kind.TOO_MANY, "RATE_LIMITED", message, retryAfter);
    }

    public static RetryLaterException busy(String message, Duration retryAfter) {
        return new RetryLaterException(Kind.BUSY, "BUSY", message, retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up and at least 1, as {@code Retry-After} carries them. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
