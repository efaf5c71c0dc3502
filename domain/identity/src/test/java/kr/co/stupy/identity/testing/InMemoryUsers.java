package kr.co.stupy.identity.testing;

import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.ProfileEdit;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.UserId;

/** {@link Users} in memory, for tests of everything above the domain. */
public final class InMemoryUsers implements Users {

    private final Map<UserId, User> users = new ConcurrentHashMap<>();
    private final Map<String, UserId> accounts = new ConcurrentHashMap<>();
    private volatile Runnable onLookUp = () -> { };

    /** Runs on every read by id, so a test can count what a use case asks of the store. */
    public void onLookUp(Runnable listener) {
        this.onLookUp = listener;
    }

    /** How many users are held, so a test can see that nothing was created. */
    public int size() {
        return users.size();
    }

    @Override
    public Optional<User> byId(UserId id) {
        onLookUp.run();
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Map<UserId, User> byIds(Collection<UserId> ids) {
        onLookUp.run();
        Map<UserId, User> found = new LinkedHashMap<>();
        ids.forEach(id -> Optional.ofNullable(users.get(id)).ifPresent(user -> found.put(id, user)));
        return found;
    }

    @Override
    public Optional<User> byAccount(LinkedAccount account) {
        return Optional.ofNullable(accounts.get(account.key())).flatMap(this::byId);
    }

    @Override
    public synchronized Registration registerIfAbsent(User candidate) {
        LinkedAccount account = candidate.accounts().getFirst();
        UserId existing = accounts.get(account.key());
        if (existing != null && users.containsKey(existing)) {
            return new Registration(users.get(existing), false);
        }
        users.put(candidate.id(), candidate);
        accounts.put(account.key(), candidate.id());
        return new Registration(candidate, true);
    }

    @Override
    public Optional<User> edit(UserId id, ProfileEdit edit) {
        return Optional.ofNullable(users.computeIfPresent(id, (key, current) -> edit.applyTo(current)));
    }

    @Override
    public Optional<User> replaceProfileImage(UserId id, Optional<String> expected, Optional<String> replacement) {
        boolean[] replaced = new boolean[1];
        User after = users.computeIfPresent(id, (key, current) -> {
            if (!current.profileImage().equals(expected)) {
                return current;
            }
            replaced[0] = true;
            return current.changeProfileImage(replacement);
        });
        return replaced[0] ? Optional.of(after) : Optional.empty();
    }

    @Override
    public synchronized Optional<User> delete(UserId id) {
        User removed = users.remove(id);
        if (removed == null) {
            return Optional.empty();
        }
        removed.accounts().forEach(account -> accounts.remove(account.key(), id));
        return Optional.of(removed);
    }
}
