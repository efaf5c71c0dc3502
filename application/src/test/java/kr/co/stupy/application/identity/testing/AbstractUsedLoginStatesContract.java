package kr.co.stupy.application.identity.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.co.stupy.application.identity.port.out.UsedLoginStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UsedLoginStates} promises. Extend it once per implementation. */
public abstract class AbstractUsedLoginStatesContract {

    protected UsedLoginStates states;

    protected abstract UsedLoginStates createStates();

    @BeforeEach
    void setUpStates() {
        states = createStates();
    }

    private static Instant inTenMinutes() {
        return Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aNonceIsSpentByItsFirstUseOnly() {
        String nonce = UUID.randomUUID().toString();
        assertTrue(states.markUsed(nonce, inTenMinutes()));
        assertFalse(states.markUsed(nonce, inTenMinutes()));
        assertFalse(states.markUsed(nonce, inTenMinutes()));
    }

    @Test
    void noncesAreIndependent() {
        assertTrue(states.markUsed("nonce-a", inTenMinutes()));
        assertTrue(states.markUsed("nonce-b", inTenMinutes()));
        assertFalse(states.markUsed("nonce-a", inTenMinutes()));
    }

    @Test
    void parallelUsesOfOneNonceLetExactlyOneThrough() throws Exception {
        String nonce = UUID.randomUUID().toString();
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return states.markUsed(nonce, inTenMinutes());
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        }
    }
}
