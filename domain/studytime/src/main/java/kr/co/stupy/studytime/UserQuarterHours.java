package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Map;
import kr.co.stupy.shared.UserId;

/**
 * Each user's study per UTC quarter hour ({@link QuarterHours}). The day totals are kept in the
 * configured zone's study days; a zone abroad splits sessions at other instants, so a user's
 * statistics there are summed from these instead, over the UTC dates the range covers.
 */
public interface UserQuarterHours extends RebuiltFromLedger<Map<String, QuarterHours>> {

    /** Adds one finished session's {@link QuarterHours#of quarter hours} to its user; negative takes them back. */
    void add(UserId userId, QuarterHours quarters);

    /** The user's quarter hours stored under the UTC dates {@code [firstUtcDate, lastUtcDate]} (a correction under its first quarter's date). */
    QuarterHours ofUser(UserId userId, LocalDate firstUtcDate, LocalDate lastUtcDate);
}
