package kr.co.stupy.application.identity.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.identity.port.out.UsedLoginStates;

/** Spent login states in memory, for one process. */
public final class InMemoryUsedLoginStates implements UsedLoginStates {

    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    @Override
    public boolean markUsed(String nonce, Instant expiresAt) {
        return used.putIfAbsent(nonce, expiresAt) == null;
    }
}
