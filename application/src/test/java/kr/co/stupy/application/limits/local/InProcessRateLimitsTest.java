package kr.co.stupy.application.limits.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.limits.testing.AbstractRateLimitsContract;
import kr.co.stupy.shared.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InProcessRateLimitsTest extends AbstractRateLimitsContract {

    private InProcessRateLimits local;

    @Override
    protected RateLimits createLimits(MutableClock clock) {
        local = new InProcessRateLimits(clock);
        return local;
    }

    @Test
    void bucketsThatFilledUpAgainAreSweptAndSpentOnesKept() {
        Budget one = new Budget("test-one", 1, Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            local.take(one, "client-" + i);
        }
        clock.advance(Duration.ofSeconds(30));
        local.take(one, "late");
        local.sweep();
        assertEquals(101, local.keysHeld(), "all are still spending");
        clock.advance(Duration.ofSeconds(31));
        local.sweep();
        assertEquals(1, local.keysHeld(), "only the late one has not filled up");
    }
}
