package kr.co.stupy.application.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.identity.port.out.TokenService;
import kr.co.stupy.shared.UserId;

/** Tokens as random strings remembered in memory: enough to test use cases without cryptography. */
public final class FakeTokens implements TokenService {

    private final Map<String, UserId> issued = new ConcurrentHashMap<>();

    @Override
    public IssuedToken issue(UserId userId) {
        String token = UUID.randomUUID().toString();
        issued.put(token, userId);
        return new IssuedToken(token, Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Override
    public Optional<UserId> verify(String token) {
        return Optional.ofNullable(token).map(issued::get);
    }
}
