package kr.co.stupy.application.identity.port.out;

import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/** Signs and checks the bearer tokens that stand for a logged-in user. */
public interface TokenService {

    record IssuedToken(String token, Instant expiresAt) {
    }

    IssuedToken issue(UserId userId);

    /** The user a genuine, unexpired token was issued to; empty for anything else. */
    Optional<UserId> verify(String token);
}
