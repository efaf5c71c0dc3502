package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.UserDayTotals;

/** {@link UserDayTotals} in memory, for tests. */
public final class InMemoryUserDayTotals implements UserDayTotals {

    private final Map<UserDay, Long> days = new ConcurrentHashMap<>();

    @Override
    public void add(UserId userId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> days.merge(new UserDay(userId.value(), day), seconds, Long::sum));
    }

    @Override
    public SortedMap<LocalDate, Long> ofUser(UserId userId, LocalDate first, LocalDate last) {
        SortedMap<LocalDate, Long> found = new TreeMap<>();
        days.forEach((key, seconds) -> {
            if (key.userId().equals(userId.value()) && !key.day().isBefore(first) && !key.day().isAfter(last) && seconds != 0) {
                found.put(key.day(), seconds);
            }
        });
        return found;
    }

    @Override
    public Totals all() {
        return new Totals(days);
    }

    @Override
    public void replaceAll(Totals totals) {
        days.clear();
        days.putAll(totals.days());
    }
}
