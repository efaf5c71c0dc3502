package kr.co.stupy.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/**
 * Every user of Stupy. Implementations must keep one user per linked account even under races.
 * A stored user is never replaced as a whole: each change writes only its own fields in one
 * conditional step, so two changes that race both stay (a new nickname and a new picture sent
 * together), and a picture is swapped only if it is still the one the caller saw.
 */
public interface Users {

    /** The outcome of a first login: the user for the account, and whether this call created them. */
    record Registration(User user, boolean created) {
    }

    Optional<User> byId(UserId id);

    Map<UserId, User> byIds(Collection<UserId> ids);

    Optional<User> byAccount(LinkedAccount account);

    /**
     * Stores {@code candidate} unless a user already owns its (single) linked account; in that case
     * returns that user untouched. Parallel calls for one account create exactly one user.
     */
    Registration registerIfAbsent(User candidate);

    /**
     * Makes {@code edit} to the stored user in one step, leaving every other field as it is now
     * stored; the user as stored after it, or empty when there is no such user.
     */
    Optional<User> edit(UserId id, ProfileEdit edit);

    /**
     * Sets the user's picture to {@code replacement} only if it is still {@code expected} (empty:
     * no picture), in one step; the user as stored after it, or empty when the user is gone or
     * their picture is no longer {@code expected} (read again to tell which). Whoever gets the
     * user back is the one who replaced {@code expected}, so exactly one caller may delete it.
     */
    Optional<User> replaceProfileImage(UserId id, Optional<String> expected, Optional<String> replacement);

    /**
     * Removes the user and frees their linked accounts; the user as they were at the moment of
     * removal (so their picture then is the one to delete), or empty when there was no such user.
     */
    Optional<User> delete(UserId id);
}
