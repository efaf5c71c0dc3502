package kr.co.stupy.studytime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.UserQuarterHours;
import org.junit.jupiter.api.Test;

/** What every {@link UserQuarterHours} promises. Extend it once per implementation. */
public abstract class AbstractUserQuarterHoursContract extends RollupContract<UserQuarterHours> {

    @Test
    void quarterHoursAddUpPerUserAreReadByUtcDateAndTakenBack() {
        QuarterHours session = LATE;
        rollup.add(kim, session);
        rollup.add(kim, session);   // the same half hour in another room
        rollup.add(lee, MINUTE);
        QuarterHours twice = session.plus(session);
        assertEquals(twice, rollup.ofUser(kim, D1, D2));
        assertEquals(Map.of(Instant.parse("2026-11-30T23:45:00Z"), 2 * 599L), rollup.ofUser(kim, D1, D1).seconds());
        assertEquals(twice.corrections(), rollup.ofUser(kim, D1, D1).corrections());   // under its first quarter's date
        assertEquals(Map.of(kim.value(), twice, lee.value(), MINUTE), rollup.all());
        rollup.add(kim, session.negated());
        rollup.add(kim, session.negated());
        assertEquals(QuarterHours.NONE, rollup.ofUser(kim, D1, D2));
        assertEquals(Map.of(lee.value(), MINUTE), rollup.all());
        rollup.replaceAll(Map.of(kim.value(), session));
        assertEquals(Map.of(kim.value(), session), rollup.all());
        assertEquals(session, rollup.ofUser(kim, D1, D2));
    }

    @Test
    void aUsersQuarterHoursHoldEverySessionAcrossYearsOfDatesUntilGivenBack() {
        rollup.add(kim, LATE);
        rollup.add(kim, OLD);
        rollup.add(kim, MINUTE);
        assertEquals(LATE.plus(OLD).plus(MINUTE), rollup.ofUser(kim, YEAR_BEFORE, D2));
        assertEquals(OLD, rollup.ofUser(kim, YEAR_BEFORE, YEAR_BEFORE));

        // What a room's deletion does: its finished sessions are taken back from their users.
        rollup.add(kim, LATE.negated());
        rollup.add(kim, OLD.negated());

        assertEquals(MINUTE, rollup.ofUser(kim, YEAR_BEFORE, D2));
        assertEquals(Map.of(kim.value(), MINUTE), rollup.all());
    }

    @Test
    void concurrentQuarterHoursAreNeverLost() {
        concurrently(8, 5, () -> rollup.add(kim, LATE));
        QuarterHours all = timesLate(8 * 5);
        assertEquals(all, rollup.ofUser(kim, D1, D2));
    }
}
