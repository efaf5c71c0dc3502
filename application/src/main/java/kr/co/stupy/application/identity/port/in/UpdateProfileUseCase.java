package kr.co.stupy.application.identity.port.in;

import java.util.Optional;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.shared.UserId;

/** Changes what a user shows others. An absent field stays as it is; {@code clearEmail} removes the e-mail. */
public interface UpdateProfileUseCase {

    record UpdateProfileCommand(UserId userId, Optional<Nickname> nickname, Optional<Email> email, boolean clearEmail) {
        public UpdateProfileCommand {
            if (userId == null) {
                throw new IllegalArgumentException("userId is required");
            }
            nickname = nickname == null ? Optional.empty() : nickname;
            email = email == null ? Optional.empty() : email;
            if (clearEmail && email.isPresent()) {
                throw new IllegalArgumentException("either set or clear the e-mail");
            }
        }
    }

    UserProfile update(UpdateProfileCommand command);
}
