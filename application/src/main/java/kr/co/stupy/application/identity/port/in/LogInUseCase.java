package kr.co.stupy.application.identity.port.in;

import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;

/** Logs a person in through a proven account, creating their user on the first login. */
public interface LogInUseCase {

    /** What a provider told us about the person; the nickname and e-mail seed a new user only. */
    record LogInCommand(LinkedAccount account, Nickname nickname, Optional<Email> email, Optional<String> profileImageUrl) {
        public LogInCommand {
            if (account == null || nickname == null) {
                throw new IllegalArgumentException("a login names an account and a nickname");
            }
            email = email == null ? Optional.empty() : email;
            profileImageUrl = profileImageUrl == null ? Optional.empty()
                    : profileImageUrl.filter(url -> url.startsWith("https://") && url.length() <= 2048);
        }
    }

    record LogInResult(String token, Instant expiresAt, boolean newUser, UserProfile profile) {
    }

    LogInResult logIn(LogInCommand command);
}
