package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.UserPeriodTotals;

/** {@link UserPeriodTotals} in memory, for tests: every read is a pass over the totals. */
public final class InMemoryUserPeriodTotals implements UserPeriodTotals {

    private final Map<UserDay, Long> days = new ConcurrentHashMap<>();
    private final Map<BucketKey, Long> buckets = new ConcurrentHashMap<>();

    @Override
    public void add(UserId userId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> {
            // merge is atomic per key and returns the day's new sum, as Mongo's findOneAndUpdate does.
            long after = days.merge(new UserDay(userId.value(), day), seconds, Long::sum);
            long change = MemberTotals.cappedChange(after, seconds);
            if (change != 0) {
                for (PeriodBucket bucket : PeriodBucket.allContaining(day)) {
                    buckets.merge(new BucketKey(bucket, userId.value()), change, Long::sum);
                }
            }
        });
    }

    @Override
    public List<UserSeconds> top(PeriodBucket bucket, int limit) {
        return buckets.entrySet().stream()
                .filter(total -> total.getKey().bucket().equals(bucket) && total.getValue() > 0)
                .map(total -> new UserSeconds(new UserId(total.getKey().userId()), total.getValue()))
                .sorted(Comparator.comparingLong(UserSeconds::seconds).reversed().thenComparing(u -> u.userId().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public long countAbove(PeriodBucket bucket, long seconds) {
        return buckets.entrySet().stream()
                .filter(total -> total.getKey().bucket().equals(bucket) && total.getValue() > seconds && total.getValue() > 0)
                .count();
    }

    @Override
    public Map<UserId, Long> ofUsers(PeriodBucket bucket, Collection<UserId> users) {
        Map<UserId, Long> found = new HashMap<>();
        for (UserId user : users) {
            long seconds = buckets.getOrDefault(new BucketKey(bucket, user.value()), 0L);
            if (seconds != 0) {
                found.put(user, seconds);
            }
        }
        return found;
    }

    @Override
    public Map<UserId, SortedMap<LocalDate, Long>> ofUserDays(Collection<UserId> users, Collection<LocalDate> wanted) {
        Map<UserId, SortedMap<LocalDate, Long>> found = new HashMap<>();
        for (UserId user : users) {
            for (LocalDate day : wanted) {
                long seconds = days.getOrDefault(new UserDay(user.value(), day), 0L);
                if (seconds != 0) {
                    found.computeIfAbsent(user, u -> new TreeMap<>()).put(day, seconds);
                }
            }
        }
        return found;
    }

    @Override
    public Totals all() {
        return new Totals(days, buckets);
    }

    @Override
    public void replaceAll(Totals totals) {
        days.clear();
        days.putAll(totals.days());
        buckets.clear();
        buckets.putAll(totals.buckets());
    }
}
