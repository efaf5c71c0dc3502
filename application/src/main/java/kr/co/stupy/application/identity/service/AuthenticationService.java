package kr.co.stupy.application.identity.service;

import kr.co.stupy.application.identity.port.in.AuthenticateUseCase;
import kr.co.stupy.application.identity.port.out.TokenService;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.UserId;

/** Checks the token and then that its user still exists, so a deleted account's tokens die with it. */
public final class AuthenticationService implements AuthenticateUseCase {

    private final TokenService tokens;
    private final Users users;

    public AuthenticationService(TokenService tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public UserId authenticate(String bearerToken) {
        UserId userId = tokens.verify(bearerToken).orElseThrow(IdentityErrors::unauthenticated);
        if (users.byId(userId).isEmpty()) {
            throw IdentityErrors.unauthenticated();
        }
        return userId;
    }
}
