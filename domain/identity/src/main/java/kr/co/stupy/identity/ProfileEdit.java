package kr.co.stupy.identity;

import java.util.Optional;

/**
 * What a user changes of their profile's text: an absent nickname or e-mail stays as it is,
 * {@code clearEmail} removes the e-mail. The picture is changed on its own ({@link Users#replaceProfileImage}),
 * so an edit and a new picture arriving together both stay.
 */
public record ProfileEdit(Optional<Nickname> nickname, Optional<Email> email, boolean clearEmail) {

    public ProfileEdit {
        nickname = nickname == null ? Optional.empty() : nickname;
        email = email == null ? Optional.empty() : email;
        if (clearEmail && email.isPresent()) {
            throw new IllegalArgumentException("either set or clear the e-mail");
        }
    }

    /** True when the edit changes nothing. */
    public boolean isEmpty() {
        return nickname.isEmpty() && email.isEmpty() && !clearEmail;
    }

    /** {@code user} with this edit made. */
    public User applyTo(User user) {
        User renamed = nickname.map(user::rename).orElse(user);
        if (clearEmail) {
            return renamed.changeEmail(Optional.empty());
        }
        return email.isPresent() ? renamed.changeEmail(email) : renamed;
    }
}
