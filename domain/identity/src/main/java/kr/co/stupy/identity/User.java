package kr.co.stupy.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/**
 * A student. A user always has at least one linked account, which is how they log in; the
 * nickname, e-mail and image are theirs to change.
 */
public record User(UserId id, Nickname nickname, Optional<Email> email, Optional<String> profileImage,
                   List<LinkedAccount> accounts, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(createdAt, "createdAt");
        email = email == null ? Optional.empty() : email;
        profileImage = profileImage == null ? Optional.empty() : profileImage;
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("a user has at least one linked account");
        }
        if (accounts.stream().map(LinkedAccount::provider).distinct().count() != accounts.size()) {
            throw new IllegalArgumentException("a user links at most one account per provider");
        }
    }

    /** A new user who just logged in for the first time through {@code account}. */
    public static User register(LinkedAccount account, Nickname nickname, Optional<Email> email,
                                Optional<String> profileImage, Instant now) {
        // Stores keep milliseconds; a new user is made at that precision so a reload compares equal.
        return new User(UserId.newId(), nickname, email, profileImage, List.of(account),
                now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    public User rename(Nickname newNickname) {
        return new User(id, newNickname, email, profileImage, accounts, createdAt);
    }

    public User changeEmail(Optional<Email> newEmail) {
        return new User(id, nickname, newEmail, profileImage, accounts, createdAt);
    }

    /** {@code image} is a reference the image store understands (or an external URL from a provider). */
    public User changeProfileImage(Optional<String> image) {
        return new User(id, nickname, email, image, accounts, createdAt);
    }

    public List<Provider> providers() {
        return accounts.stream().map(LinkedAccount::provider).toList();
    }
}
