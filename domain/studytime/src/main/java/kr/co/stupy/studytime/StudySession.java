package kr.co.stupy.studytime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * One stretch of a live connection's study, of one subject (or none): from its start to its end,
 * or, while it runs, to its last heartbeat. A break or a change of subject ends it and the next one
 * starts, so break time is in no session. A session of a node that died is ended at its last
 * heartbeat, so dead time never counts.
 */
public record StudySession(String id, UserId userId, RoomId roomId, Instant startedAt, Instant lastHeartbeatAt,
                           Optional<Instant> endedAt, Optional<Subject> subject) {

    public StudySession(String id, UserId userId, RoomId roomId, Instant startedAt, Instant lastHeartbeatAt,
                        Optional<Instant> endedAt) {
        this(id, userId, roomId, startedAt, lastHeartbeatAt, endedAt, Optional.empty());
    }

    public StudySession {
        subject = subject == null ? Optional.empty() : subject;
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
        return start(userId, roomId, Optional.empty(), now);
    }

    public static StudySession start(UserId userId, RoomId roomId, Optional<Subject> subject, Instant now) {
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new StudySession(Ids.newId(at), userId, roomId, at, at, Optional.empty(), subject);
    }

    /** The same session with its last heartbeat at {@code beat} (a read that knows a later beat than the stored one). */
    public StudySession beatenAt(Instant beat) {
        return new StudySession(id, userId, roomId, startedAt, beat, endedAt, subject);
    }

    /**
     * How the session counts now: an open one runs on while a live connection studies in it
     * ({@code held}); one nobody holds (its node died, the reaper is not done) ends at its last
     * heartbeat, where the reaper will end it.
     */
    public StudySession countedNow(boolean held) {
        return isOpen() && !held ? new StudySession(id, userId, roomId, startedAt, lastHeartbeatAt, Optional.of(lastHeartbeatAt), subject)
                : this;
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
