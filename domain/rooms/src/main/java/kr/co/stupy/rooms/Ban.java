package kr.co.stupy.rooms;

import java.time.Instant;
import java.util.Objects;
import kr.co.stupy.shared.UserId;

/** A user the owner removed from a room; they cannot join again until the ban is lifted. */
public record Ban(UserId userId, Instant bannedAt) {
    public Ban {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(bannedAt, "bannedAt");
    }
}
