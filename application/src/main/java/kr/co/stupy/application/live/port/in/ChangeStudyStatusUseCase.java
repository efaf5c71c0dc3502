package kr.co.stupy.application.live.port.in;

import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;

/**
 * A live member takes a break, comes back, or names what they study. A change ends the running
 * study session and, when studying, starts the next one with the subject; everyone live in the
 * room hears of it, the sender too.
 */
public interface ChangeStudyStatusUseCase {

    /** What the subject becomes: kept as it is, or set to {@code subject} (empty clears it). */
    record SubjectChange(boolean keep, Optional<Subject> subject) {
        public static final SubjectChange KEEP = new SubjectChange(true, Optional.empty());

        public SubjectChange {
            Objects.requireNonNull(subject, "subject");
            if (keep && subject.isPresent()) {
                throw new IllegalArgumentException("a kept subject names none");
            }
        }

        public static SubjectChange to(Optional<Subject> subject) {
            return new SubjectChange(false, subject);
        }
    }

    /** Building one validates the status and the subject ({@link InvalidInputException}). */
    record ChangeStatus(ConnectionId from, StudyStatus status, SubjectChange subject) {
        public ChangeStatus {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(subject, "subject");
        }

        /** {@code status} as the contract spells it; {@code subject} empty clears it; {@code keep} leaves it as it is. */
        public static ChangeStatus of(ConnectionId from, String status, boolean keep, Optional<String> subject) {
            StudyStatus parsed = StudyStatus.ofKey(status)
                    .orElseThrow(() -> InvalidInputException.of("status", "status is \"studying\" or \"break\""));
            if (keep) {
                return new ChangeStatus(from, parsed, SubjectChange.KEEP);
            }
            try {
                return new ChangeStatus(from, parsed, SubjectChange.to(subject.map(Subject::new)));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("subject", e.getMessage());
            }
        }
    }

    Optional<FrameError> changeStatus(ChangeStatus command);
}
