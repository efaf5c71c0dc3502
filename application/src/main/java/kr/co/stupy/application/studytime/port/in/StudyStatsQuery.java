package kr.co.stupy.application.studytime.port.in;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyStats;

/**
 * A user's own study statistics over study days {@code [from, to]} in {@code zone} with the configured
 * day start. Without {@code to} the range ends today; without {@code from} it is the 30 days ending at
 * {@code to}. A range may hold at most 366 days; {@code VALIDATION_FAILED} otherwise.
 */
public interface StudyStatsQuery {
    StudyStats stats(UserId userId, Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone);
}
