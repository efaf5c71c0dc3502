package kr.co.stupy.studytime;

import java.util.Locale;
import java.util.Optional;

/** What a live member is doing: studying (the clock runs) or on a break (it does not). */
public enum StudyStatus {
    STUDYING, BREAK;

    /** The contract's spelling: {@code studying} or {@code break}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the contract's spelling exactly; anything else is empty. */
    public static Optional<StudyStatus> ofKey(String key) {
        for (StudyStatus status : values()) {
            if (status.key().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
