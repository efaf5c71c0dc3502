package kr.co.stupy.studytime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a live member is doing now and since when: studying a subject (or none) or on a break.
 * A change of status or subject starts a new state, and a new study session when studying.
 */
public record StudyState(StudyStatus status, Optional<Subject> subject, Instant since) {

    public StudyState {
        Objects.requireNonNull(status, "status");
        subject = subject == null ? Optional.empty() : subject;
        Objects.requireNonNull(since, "since");
    }

    public static StudyState studying(Optional<Subject> subject, Instant since) {
        return new StudyState(StudyStatus.STUDYING, subject, since);
    }

    public boolean studying() {
        return status == StudyStatus.STUDYING;
    }

    /** Whether moving to {@code status} with {@code subject} changes anything (a repeated frame does not). */
    public boolean differsFrom(StudyStatus status, Optional<Subject> subject) {
        return this.status != status || !this.subject.equals(subject);
    }
}
