package kr.co.stupy.studytime.testing;

import static kr.co.stupy.studytime.StudyPeriod.DAY;
import static kr.co.stupy.studytime.StudyPeriod.MONTH;
import static kr.co.stupy.studytime.StudyPeriod.WEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.UserPeriodTotals.BucketKey;
import kr.co.stupy.studytime.UserPeriodTotals.Totals;
import kr.co.stupy.studytime.UserPeriodTotals.UserDay;
import kr.co.stupy.studytime.UserPeriodTotals.UserSeconds;
import kr.co.stupy.studytime.UserPeriodTotals;
import org.junit.jupiter.api.Test;

/** What every {@link UserPeriodTotals} promises. Extend it once per implementation. */
public abstract class AbstractUserPeriodTotalsContract extends RollupContract<UserPeriodTotals> {

    /** New users in user id order, so that ties have a known order. */
    private List<UserId> inIdOrder(int count) {
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(UserId.newId());
        }
        users.sort(Comparator.comparing(UserId::value));
        return users;
    }

    @Test
    void bucketsCapEachDayAtSixteenHoursLikeTheStatistics() {
        rollup.add(kim, days(D1, 10 * HOUR));
        rollup.add(kim, days(D1, 10 * HOUR, D2, HOUR));   // D1 holds 20 h: 16 count
        rollup.add(lee, days(D1, 100));

        assertEquals(Map.of(kim, 16 * HOUR, lee, 100L), rollup.ofUsers(bucket(DAY, D1), List.of(kim, lee)));
        assertEquals(Map.of(kim, 17 * HOUR, lee, 100L), rollup.ofUsers(bucket(WEEK, D1), List.of(kim, lee)));
        assertEquals(Map.of(kim, 16 * HOUR, lee, 100L), rollup.ofUsers(bucket(MONTH, D1), List.of(kim, lee)));
        assertEquals(Map.of(kim, HOUR), rollup.ofUsers(bucket(MONTH, D2), List.of(kim, lee)));
        assertEquals(Map.of(kim, days(D1, 20 * HOUR, D2, HOUR), lee, days(D1, 100)),
                rollup.ofUserDays(List.of(kim, lee, UserId.newId()), List.of(D1, D2)), "day totals are raw sums");

        rollup.add(kim, days(D1, -10 * HOUR));   // back under the cap: all 10 h count again
        assertEquals(Map.of(kim, 11 * HOUR), rollup.ofUsers(bucket(WEEK, D2), List.of(kim)));
        assertEquals(Map.of(kim, 10 * HOUR), rollup.ofUsers(bucket(DAY, D1), List.of(kim)));
        Totals stored = rollup.all();
        assertEquals(Totals.bucketsOf(stored.days()), stored.buckets(), "buckets are the capped days summed");
        assertEquals(Map.of(new UserDay(kim.value(), D1), 10 * HOUR, new UserDay(kim.value(), D2), HOUR, new UserDay(lee.value(), D1), 100L),
                stored.days());
    }

    @Test
    void theTopOfABucketIsMostFirstWithTiesInUserIdOrder() {
        List<UserId> users = inIdOrder(4);
        rollup.add(users.get(3), days(D1, 500));
        rollup.add(users.get(1), days(D1, 300));
        rollup.add(users.get(0), days(D1, 300));
        rollup.add(users.get(2), days(D1, 20 * HOUR));
        rollup.add(kim, days(D2, 9_000));   // another day, the same week

        assertEquals(List.of(new UserSeconds(users.get(2), 16 * HOUR), new UserSeconds(users.get(3), 500L),
                new UserSeconds(users.get(0), 300L), new UserSeconds(users.get(1), 300L)), rollup.top(bucket(DAY, D1), 10));
        assertEquals(List.of(new UserSeconds(users.get(2), 16 * HOUR), new UserSeconds(users.get(3), 500L)), rollup.top(bucket(DAY, D1), 2));
        assertEquals(List.of(new UserSeconds(users.get(2), 16 * HOUR), new UserSeconds(kim, 9_000L)), rollup.top(bucket(WEEK, D1), 2));
        assertEquals(List.of(new UserSeconds(kim, 9_000L)), rollup.top(bucket(MONTH, D2), 10));
        assertEquals(List.of(), rollup.top(bucket(DAY, D2.plusDays(1)), 10));
    }

    @Test
    void countsAreOfUsersWithMoreSecondsInTheOneBucket() {
        List<UserId> users = inIdOrder(3);
        rollup.add(users.get(0), days(D1, 300));
        rollup.add(users.get(1), days(D1, 300));
        rollup.add(users.get(2), days(D1, 700));
        rollup.add(kim, days(D2, 5_000));
        PeriodBucket day = bucket(DAY, D1);

        assertEquals(3, rollup.count(day));
        assertEquals(3, rollup.countAbove(day, 0));
        assertEquals(3, rollup.countAbove(day, 299));
        assertEquals(1, rollup.countAbove(day, 300), "more than, not as many as");
        assertEquals(0, rollup.countAbove(day, 700));
        assertEquals(4, rollup.count(bucket(WEEK, D1)));
        assertEquals(1, rollup.countAbove(bucket(WEEK, D1), 700));
        assertEquals(1, rollup.count(bucket(MONTH, D2)));
        assertEquals(0, rollup.count(bucket(MONTH, D2.plusMonths(1))));
    }

    @Test
    void takingTimeBackLeavesNobodyWithNothingInTheRanking() {
        rollup.add(kim, days(D1, 600));
        rollup.add(lee, days(D1, 60));
        rollup.add(kim, days(D1, -600));

        assertEquals(List.of(new UserSeconds(lee, 60L)), rollup.top(bucket(WEEK, D1), 10));
        assertEquals(1, rollup.count(bucket(DAY, D1)));
        assertEquals(Map.of(lee, 60L), rollup.ofUsers(bucket(MONTH, D1), List.of(kim, lee)));
        assertEquals(Map.of(lee, days(D1, 60)), rollup.ofUserDays(List.of(kim, lee), List.of(D1)));
        assertEquals(Totals.derived(Map.of(new UserDay(lee.value(), D1), 60L)), rollup.all());
    }

    @Test
    void replacingEverythingIsWhatIsReadBack() {
        rollup.add(kim, days(D1, 999));
        Totals rebuilt = Totals.derived(Map.of(new UserDay(lee.value(), D1), 20 * HOUR, new UserDay(lee.value(), D2), 50L,
                new UserDay(kim.value(), D2), 10L));

        rollup.replaceAll(rebuilt);

        assertEquals(rebuilt, rollup.all());
        assertEquals(List.of(new UserSeconds(lee, 16 * HOUR + 50), new UserSeconds(kim, 10L)), rollup.top(bucket(WEEK, D1), 10));
        assertEquals(List.of(new UserSeconds(lee, 16 * HOUR)), rollup.top(bucket(DAY, D1), 10));
        assertEquals(Map.of(lee, days(D1, 20 * HOUR, D2, 50)), rollup.ofUserDays(List.of(lee), List.of(D1, D2)));
        assertEquals(1, rollup.countAbove(bucket(MONTH, D2), 10));
    }

    @Test
    void bucketsAreStoredAndReadBackAsTheyAreNotDerivedOnReading() {
        // A rebuild can only repair buckets that drifted from the day totals if it reads them as stored.
        Totals drifted = new Totals(Map.of(new UserDay(kim.value(), D1), 10L), Map.of(new BucketKey(bucket(WEEK, D1), kim.value()), 99L,
                new BucketKey(bucket(DAY, D2), lee.value()), 5L));

        rollup.replaceAll(drifted);

        assertEquals(drifted, rollup.all());
        assertEquals(List.of(new UserSeconds(kim, 99L)), rollup.top(bucket(WEEK, D1), 10));
        assertEquals(List.of(), rollup.top(bucket(DAY, D1), 10));
        assertEquals(Map.of(kim, days(D1, 10)), rollup.ofUserDays(List.of(kim, lee), List.of(D1, D2)));
        assertEquals(Map.of(lee, 5L), rollup.ofUsers(bucket(DAY, D2), List.of(kim, lee)));
    }

    @Test
    void concurrentAdditionsAcrossTheCapAddUpToExactlySixteenHours() {
        int threads = 8;
        int each = 5;
        concurrently(threads, each, () -> rollup.add(kim, days(D1, HOUR / 2, D2, 1)));
        // 40 half hours make 20 h on D1, of which 16 count; D2 gets 40 s.
        assertEquals(Map.of(kim, days(D1, 20 * HOUR, D2, 40)), rollup.ofUserDays(List.of(kim), List.of(D1, D2)));
        assertEquals(Map.of(kim, 16 * HOUR), rollup.ofUsers(bucket(DAY, D1), List.of(kim)));
        assertEquals(Map.of(kim, 16 * HOUR + 40), rollup.ofUsers(bucket(WEEK, D1), List.of(kim)));
        assertEquals(Map.of(kim, 16 * HOUR), rollup.ofUsers(bucket(MONTH, D1), List.of(kim)));
        assertEquals(Map.of(kim, 40L), rollup.ofUsers(bucket(MONTH, D2), List.of(kim)));
        assertEquals(Totals.bucketsOf(rollup.all().days()), rollup.all().buckets());
    }
}
