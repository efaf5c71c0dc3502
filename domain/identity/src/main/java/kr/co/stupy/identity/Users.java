package kr.co.stupy.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/** Every user of Stupy. Implementations must keep one user per linked account even under races. */
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

    /** Replaces the stored profile of an existing user; returns false when the user is gone. */
    boolean update(User user);

    /** Removes the user and frees their linked accounts; false when there was no such user. */
    boolean delete(UserId id);
}
