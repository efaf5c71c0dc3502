package kr.co.stupy.application.limits.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimits} promises. Extend it once per implementation. */
public abstract class AbstractRateLimitsContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T03:00:00Z"));
    protected RateLimits limits;
    /** Five attempts, one back every two minutes. */
    protected final Budget fivePerTenMinutes = new Budget("test-five", 5, Duration.ofMinutes(10));
    protected final String key = "203.0.113.7/" + UUID.randomUUID();

    /** An implementation whose time is {@code clock}. */
    protected abstract RateLimits createLimits(MutableClock clock);

    @BeforeEach
    void setUpLimits() {
        limits = createLimits(clock);
    }

    @Test
    void theCapacityIsSpentThenRefusedWithTheTimeUntilTheNextAttempt() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limits.take(fivePerTenMinutes, key).allowed(), "attempt " + (i + 1));
        }
        RateLimits.Verdict refused = limits.take(fivePerTenMinutes, key);
        assertFalse(refused.allowed());
        long seconds = refused.retryAfter().toSeconds();
        assertTrue(seconds > 110 && seconds <= 120, "retry after " + refused.retryAfter());
    }

    @Test
    void attemptsComeBackEvenlyOverThePeriod() {
        spend(5);
        clock.advance(Duration.ofSeconds(119));
        assertFalse(limits.take(fivePerTenMinutes, key).allowed());
        clock.advance(Duration.ofSeconds(2));
        assertTrue(limits.take(fivePerTenMinutes, key).allowed());
        assertFalse(limits.take(fivePerTenMinutes, key).allowed());
        clock.advance(Duration.ofHours(1));
        spend(5);
        assertFalse(limits.take(fivePerTenMinutes, key).allowed(), "a quiet hour refills to the capacity, not beyond");
    }

    @Test
    void keysAndBudgetsAreSpentApart() {
        spend(5);
        assertTrue(limits.take(fivePerTenMinutes, key + "-other").allowed());
        assertTrue(limits.take(new Budget("test-other", 1, Duration.ofMinutes(1)), key).allowed());
        assertFalse(limits.take(fivePerTenMinutes, key).allowed());
    }

    @Test
    void anAttemptGivenBackCanBeTakenAgainButNeverRaisesTheCapacity() {
        spend(5);
        limits.giveBack(fivePerTenMinutes, key);
        assertTrue(limits.take(fivePerTenMinutes, key).allowed());
        assertFalse(limits.take(fivePerTenMinutes, key).allowed());

        String fresh = key + "-fresh";
        limits.giveBack(fivePerTenMinutes, fresh);
        limits.take(fivePerTenMinutes, fresh);
        limits.giveBack(fivePerTenMinutes, fresh);
        limits.giveBack(fivePerTenMinutes, fresh);
        for (int i = 0; i < 5; i++) {
            assertTrue(limits.take(fivePerTenMinutes, fresh).allowed());
        }
        assertFalse(limits.take(fivePerTenMinutes, fresh).allowed());
    }

    @Test
    void anUnlimitedBudgetNeverRefuses() {
        Budget off = Budget.unlimited("test-five");
        for (int i = 0; i < 1000; i++) {
            assertTrue(limits.take(off, key).allowed());
        }
    }

    @Test
    void requireRefusesWithRateLimitedAndWhenToRetry() {
        spend(5);
        RetryLaterException refused = assertThrows(RetryLaterException.class, () -> limits.require(fivePerTenMinutes, key, "tries"));
        assertEquals("RATE_LIMITED", refused.code());
        assertTrue(refused.retryAfterSeconds() >= 110 && refused.retryAfterSeconds() <= 120, "" + refused.retryAfterSeconds());
    }

    @Test
    void racingAttemptsNeverSpendMoreThanTheCapacity() {
        Budget twenty = new Budget("test-twenty", 20, Duration.ofHours(1));
        long allowed = Parallel.run(64, i -> limits.take(twenty, key).allowed()).stream().filter(ok -> ok).count();
        assertEquals(20, allowed);
    }

    @Test
    void aWholePeriodBudgetNeverAllowsMoreThanItsCapacityInsideOnePeriod() {
        Budget twentyPerTenSeconds = new Budget("test-window", 20, Duration.ofSeconds(10), Budget.Refill.WHOLE_PERIOD);
        for (int i = 0; i < 20; i++) {
            assertTrue(limits.take(twentyPerTenSeconds, key).allowed(), "attempt " + (i + 1));
            clock.advance(Duration.ofMillis(400));
        }
        RateLimits.Verdict refused = limits.take(twentyPerTenSeconds, key);
        assertFalse(refused.allowed(), "eight seconds later nothing has come back");
        assertTrue(refused.retryAfter().compareTo(Duration.ofSeconds(2)) <= 0, "the window ends in at most 2 s: " + refused.retryAfter());
        clock.advance(refused.retryAfter());
        for (int i = 0; i < 20; i++) {
            assertTrue(limits.take(twentyPerTenSeconds, key).allowed(), "the next window, attempt " + (i + 1));
        }
        assertFalse(limits.take(twentyPerTenSeconds, key).allowed());
    }

    private void spend(int attempts) {
        for (int i = 0; i < attempts; i++) {
            assertTrue(limits.take(fivePerTenMinutes, key).allowed());
        }
    }
}
