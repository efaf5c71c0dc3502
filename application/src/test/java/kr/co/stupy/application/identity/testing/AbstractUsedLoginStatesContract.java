package kr.co.stupy.application.identity.testing;

import kr.co.stupy.shared.testing.Parallel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
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
        long winners = Parallel.run(16, i -> states.markUsed(nonce, inTenMinutes())).stream().filter(won -> won).count();
        assertEquals(1, winners);
    }
}
