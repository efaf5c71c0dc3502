package kr.co.stupy.application.identity.port.in;

import kr.co.stupy.shared.UserId;

/** Turns a bearer token into the user it speaks for; a bad token or a deleted account fails with {@code UNAUTHENTICATED}. */
public interface AuthenticateUseCase {
    UserId authenticate(String bearerToken);
}
