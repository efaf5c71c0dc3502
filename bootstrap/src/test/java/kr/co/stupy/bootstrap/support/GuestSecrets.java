package kr.co.stupy.bootstrap.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guest secrets tests were issued, by server and nickname, so that a test logging in as "kim"
 * twice (over the API or in a browser) is the same guest both times, as a person keeping the
 * secret in their browser would be. Nicknames are not identities on the server.
 */
public final class GuestSecrets {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private GuestSecrets() {
    }

    static Optional<String> of(String base, String nickname) {
        return Optional.ofNullable(SECRETS.get(key(base, nickname)));
    }

    static void remember(String base, String nickname, String secret) {
        SECRETS.put(key(base, nickname), secret);
    }

    static void forget(String base, String nickname) {
        SECRETS.remove(key(base, nickname));
    }

    /** One login at a time per server and nickname, so racing first logins make one guest, not two. */
    static Object lock(String base, String nickname) {
        return LOCKS.computeIfAbsent(key(base, nickname), k -> new Object());
    }

    private static String key(String base, String nickname) {
        return base + " " + nickname;
    }
}
