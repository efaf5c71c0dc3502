package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.UserId;

/**
 * The nicknames this node puts on the chat of the connections it holds. A chat message used to
 * cost a user look-up in the store; here the name is read at admission and again at most every
 * {@link #FRESH_FOR}, so a rename shows on new messages within seconds.
 */
final class AuthorNames {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private record Name(String nickname, Instant readAt) {
    }

    private final Users users;
    private final Clock clock;
    private final Map<UserId, Name> names = new ConcurrentHashMap<>();

    AuthorNames(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    void remember(UserId userId, User user) {
        names.put(userId, new Name(RoomMessage.nicknameOf(user), clock.instant()));
    }

    String nicknameOf(UserId userId) {
        Instant now = clock.instant();
        Name known = names.get(userId);
        if (known != null && now.isBefore(known.readAt().plus(FRESH_FOR))) {
            return known.nickname();
        }
        Name fresh = new Name(RoomMessage.nicknameOf(users.byId(userId).orElse(null)), now);
        names.put(userId, fresh);
        return fresh.nickname();
    }

    void forget(UserId userId) {
        names.remove(userId);
    }
}
