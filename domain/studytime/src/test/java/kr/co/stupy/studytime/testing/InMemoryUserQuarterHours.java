package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.Map;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.UserQuarterHours;

/** {@link UserQuarterHours} in memory, for tests. */
public final class InMemoryUserQuarterHours implements UserQuarterHours {

    private final QuarterHoursByOwner<String> byUser = new QuarterHoursByOwner<>();

    @Override
    public void add(UserId userId, QuarterHours quarters) {
        byUser.add(userId.value(), quarters);
    }

    @Override
    public QuarterHours ofUser(UserId userId, LocalDate firstUtcDate, LocalDate lastUtcDate) {
        return byUser.of(userId.value()).storedUnder(firstUtcDate, lastUtcDate);
    }

    @Override
    public Map<String, QuarterHours> all() {
        return byUser.all();
    }

    @Override
    public void replaceAll(Map<String, QuarterHours> rebuilt) {
        byUser.replaceAll(rebuilt);
    }
}
