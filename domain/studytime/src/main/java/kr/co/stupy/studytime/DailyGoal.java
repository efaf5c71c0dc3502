package kr.co.stupy.studytime;

import kr.co.stupy.shared.InvalidInputException;

/**
 * How long a student means to study each study day: half an hour to sixteen hours. Sixteen hours is
 * the most a day counts ({@link StudyRules#MAX_PER_DAY}), so a higher goal could never be met.
 */
public record DailyGoal(int minutes) {

    public static final int MIN_MINUTES = 30;
    public static final int MAX_MINUTES = 960;
    /** The contract's name of the value, so a refusal names the field the client sent. */
    public static final String FIELD = "dailyMinutes";

    public DailyGoal {
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw InvalidInputException.of(FIELD, "must be " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes");
        }
    }

    public long seconds() {
        return minutes * 60L;
    }

    /** Whether a day's study reached the goal; a day never counts more than sixteen hours, which is the highest goal. */
    public boolean metBy(long studySeconds) {
        return studySeconds >= seconds();
    }
}
