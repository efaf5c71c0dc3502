package kr.co.stupy.application.identity.port.out;

import java.time.Instant;

/**
 * The login states already spent, shared by every node, so a state works exactly once even when
 * the callback is replayed to another node.
 */
public interface UsedLoginStates {

    /**
     * Marks {@code nonce} as used; it must be remembered at least until {@code expiresAt}. True for
     * the first call with a nonce, false for every later one, also under parallel calls.
     */
    boolean markUsed(String nonce, Instant expiresAt);
}
