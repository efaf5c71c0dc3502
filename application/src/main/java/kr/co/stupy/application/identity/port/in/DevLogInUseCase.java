package kr.co.stupy.application.identity.port.in;

import java.util.Optional;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.shared.InvalidInputException;

/**
 * The guest login for local use, tests and trying Stupy out. A guest is a new account bound to a
 * secret only the guest's browser keeps: the nickname is a display name, never an identity (two
 * guests may share one). Logging in again means presenting the secret. Offered only while enabled
 * (otherwise {@code DEV_LOGIN_DISABLED}).
 */
public interface DevLogInUseCase {

    /**
     * {@code nickname} names a new guest; {@code guestSecret} logs into the guest it was issued to.
     * {@code clientAddress} is who asks, for the per-address budgets.
     */
    record DevLogInCommand(Optional<Nickname> nickname, Optional<GuestSecret> guestSecret, String clientAddress) {
        public DevLogInCommand {
            nickname = nickname == null ? Optional.empty() : nickname;
            guestSecret = guestSecret == null ? Optional.empty() : guestSecret;
            if (nickname.isEmpty() && guestSecret.isEmpty()) {
                throw InvalidInputException.of("nickname", "is required for a new guest");
            }
            if (clientAddress == null || clientAddress.isBlank()) {
                throw new IllegalArgumentException("the client address is required");
            }
        }
    }

    /** What a guest's browser keeps: 32 random bytes, base64url without padding. Only its hash is stored. */
    record GuestSecret(String value) {
        public static final int LENGTH = 43;

        public GuestSecret {
            if (value == null || value.length() != LENGTH || !value.chars().allMatch(GuestSecret::isBase64Url)) {
                throw InvalidInputException.of("guestSecret", "must be the secret this server issued");
            }
        }

        private static boolean isBase64Url(int c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
        }

        @Override
        public String toString() {
            return "GuestSecret[********]";
        }
    }

    /** The login, and the secret to present next time (the one given, or a new guest's). */
    record GuestLogIn(LogInUseCase.LogInResult result, GuestSecret guestSecret) {
    }

    boolean enabled();

    GuestLogIn devLogIn(DevLogInCommand command);
}
