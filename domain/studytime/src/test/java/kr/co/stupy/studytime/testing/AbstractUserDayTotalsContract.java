package kr.co.stupy.studytime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.UserDayTotals.Totals;
import kr.co.stupy.studytime.UserDayTotals.UserDay;
import kr.co.stupy.studytime.UserDayTotals;
import org.junit.jupiter.api.Test;

/** What every {@link UserDayTotals} promises. Extend it once per implementation. */
public abstract class AbstractUserDayTotalsContract extends RollupContract<UserDayTotals> {

    @Test
    void sessionsAddUpPerUserAndDay() {
        rollup.add(kim, days(D1, 600, D2, 120));
        rollup.add(kim, days(D2, 30));   // a session in another room: the user's day holds both
        rollup.add(lee, days(D1, 50));

        assertEquals(days(D1, 600, D2, 150), rollup.ofUser(kim, D1, D2));
        assertEquals(days(D2, 150), rollup.ofUser(kim, D2, D2.plusDays(5)));
        assertEquals(days(D1, 50), rollup.ofUser(lee, D1.minusDays(400), D2));
        assertEquals(days(), rollup.ofUser(UserId.newId(), D1, D2));
    }

    @Test
    void takingTimeBackLeavesNoEmptyTotalsBehind() {
        rollup.add(kim, days(D1, 600));
        rollup.add(kim, days(D1, 60));
        rollup.add(kim, days(D1, -600));
        rollup.add(lee, days(D2, 70));
        rollup.add(lee, days(D2, -70));

        assertEquals(days(D1, 60), rollup.ofUser(kim, D1, D1));
        assertEquals(days(), rollup.ofUser(lee, D1, D2));
        assertEquals(Map.of(new UserDay(kim.value(), D1), 60L), rollup.all().days());
    }

    @Test
    void replacingEverythingIsWhatIsReadBack() {
        rollup.add(kim, days(D1, 999));
        Totals rebuilt = new Totals(Map.of(new UserDay(lee.value(), D2), 70L, new UserDay(kim.value(), D1), 10L));

        rollup.replaceAll(rebuilt);

        assertEquals(rebuilt, rollup.all());
        assertEquals(days(D1, 10), rollup.ofUser(kim, D1, D2));
        assertEquals(days(D2, 70), rollup.ofUser(lee, D1, D2));
    }

    @Test
    void concurrentAdditionsAreNeverLost() {
        int threads = 8;
        int each = 25;
        concurrently(threads, each, () -> rollup.add(kim, days(D1, 1, D2, 2)));
        assertEquals(days(D1, threads * each, D2, 2 * threads * each), rollup.ofUser(kim, D1, D2));
    }
}
