package kr.co.stupy.studytime.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.TreeMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyPeriod;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the contracts of the roll-up read models share: a fresh read model per test, two users, two
 * rooms, and the days and sessions they study. {@code D1} is a Monday, {@code D2} the Tuesday after it
 * and the 1st of December: one week, two months.
 */
public abstract class RollupContract<R> {

    protected static final LocalDate D1 = LocalDate.of(2026, 11, 30);
    protected static final LocalDate D2 = LocalDate.of(2026, 12, 1);
    protected static final long HOUR = 3_600;
    /** From 23:50:00.3 on D1 for half an hour (UTC): quarters under D1 and D2, and a correction under D1. */
    protected static final Instant LATE_START = Instant.parse("2026-11-30T23:50:00.300Z");
    protected static final QuarterHours LATE = QuarterHours.of(LATE_START, LATE_START.plusSeconds(1800));
    protected static final QuarterHours MINUTE = QuarterHours.of(LATE_START, LATE_START.plusSeconds(60));
    protected static final LocalDate YEAR_BEFORE = LocalDate.of(2025, 11, 30);
    protected static final QuarterHours OLD = QuarterHours.of(Instant.parse("2025-11-30T10:00:00Z"), Instant.parse("2025-11-30T10:10:00Z"));

    protected R rollup;
    protected final UserId kim = UserId.newId();
    protected final UserId lee = UserId.newId();
    protected final RoomId room = RoomId.newId();
    protected final RoomId otherRoom = RoomId.newId();

    /** An empty read model of the implementation under test. */
    protected abstract R createRollup();

    @BeforeEach
    void setUpRollup() {
        rollup = createRollup();
    }

    protected static TreeMap<LocalDate, Long> days(Object... dayAndSeconds) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        for (int i = 0; i < dayAndSeconds.length; i += 2) {
            days.put((LocalDate) dayAndSeconds[i], ((Number) dayAndSeconds[i + 1]).longValue());
        }
        return days;
    }

    /** Runs {@code addition} {@code each} times on each of {@code threads} threads at once, as nodes finishing sessions do. */
    protected static void concurrently(int threads, int each, Runnable addition) {
        Parallel.run(threads, t -> {
            for (int i = 0; i < each; i++) {
                addition.run();
            }
            return null;
        });
    }

    /** {@link #LATE} added {@code times} times. */
    protected static QuarterHours timesLate(int times) {
        QuarterHours sum = QuarterHours.NONE;
        for (int i = 0; i < times; i++) {
            sum = sum.plus(LATE);
        }
        return sum;
    }

    protected static PeriodBucket bucket(StudyPeriod period, LocalDate day) {
        return PeriodBucket.containing(period, day);
    }
}
