package kr.co.stupy.rooms;

import java.time.Instant;
import java.util.Objects;
import kr.co.stupy.shared.UserId;

/** A user's place in a room and since when they hold it. */
public record Member(UserId userId, Instant joinedAt) {
    public Member {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
