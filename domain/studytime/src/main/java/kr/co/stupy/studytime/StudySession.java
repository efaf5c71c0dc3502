package kr.co.stupy.studytime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * One live connection's study: from its start to its end, or, while it runs, to its last
 * heartbeat. A session of a node that died is ended at its last heartbeat, so dead time never counts.
 */
public record StudySession(String id, UserId userId, RoomId roomId, Instant startedAt, Instant lastHeartbeatAt,
                           Optional<Instant> endedAt) {

    public StudySession {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastHeartbeatAt, "lastHeartbeatAt");
        endedAt = endedAt == null ? Optional.empty() : endedAt;
        if (!Ids.isWellFormed(id)) {
            throw new IllegalArgumentException("not a session id");
        }
        if (lastHeartbeatAt.isBefore(startedAt) || endedAt.filter(end -> end.isBefore(startedAt)).isPresent()) {
            throw new IllegalArgumentException("a session cannot end or beat before it started");
        }
    }

    public static StudySession start(UserId userId, RoomId roomId, Instant now) {
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new StudySession(Ids.newId(at), userId, roomId, at, at, Optional.empty());
    }

    public boolean isOpen() {
        return endedAt.isEmpty();
    }

    /** Where the session stops counting: its end, or for an open one, {@code now}. */
    public Instant countedUntil(Instant now) {
        return endedAt.orElse(now.isBefore(startedAt) ? startedAt : now);
    }

    /** Its length as it counts: nothing under {@link StudyRules#MIN_SESSION}. */
    public Duration counted(Instant now) {
        Duration length = Duration.between(startedAt, countedUntil(now));
        return length.compareTo(StudyRules.MIN_SESSION) < 0 ? Duration.ZERO : length;
    }
}
