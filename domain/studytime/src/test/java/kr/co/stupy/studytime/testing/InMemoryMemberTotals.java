package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.PeriodBucket;

/** {@link MemberTotals} in memory, for tests. */
public final class InMemoryMemberTotals implements MemberTotals {

    private final Map<MemberDayKey, Long> days = new ConcurrentHashMap<>();
    private final Map<MemberPeriodKey, Long> periods = new ConcurrentHashMap<>();

    @Override
    public void add(UserId userId, RoomId roomId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> {
            // merge is atomic per key and returns the day's new sum, as Mongo's findOneAndUpdate does.
            long after = days.merge(new MemberDayKey(roomId.value(), userId.value(), day), seconds, Long::sum);
            long change = MemberTotals.cappedChange(after, seconds);
            if (change != 0) {
                for (Optional<PeriodBucket> bucket : MemberTotals.bucketsContaining(day)) {
                    periods.merge(new MemberPeriodKey(roomId.value(), userId.value(), bucket), change, Long::sum);
                }
            }
        });
    }

    @Override
    public Map<UserId, SortedMap<LocalDate, Long>> ofMemberDays(RoomId roomId, Collection<UserId> members, Collection<LocalDate> wanted) {
        Map<UserId, SortedMap<LocalDate, Long>> found = new HashMap<>();
        for (UserId member : members) {
            for (LocalDate day : wanted) {
                Long seconds = days.get(new MemberDayKey(roomId.value(), member.value(), day));
                if (seconds != null && seconds != 0) {
                    found.computeIfAbsent(member, m -> new TreeMap<>()).put(day, seconds);
                }
            }
        }
        return found;
    }

    @Override
    public Map<UserId, Long> ofMembers(RoomId roomId, Collection<UserId> members, Optional<PeriodBucket> bucket) {
        Map<UserId, Long> found = new HashMap<>();
        for (UserId member : members) {
            Long seconds = periods.get(new MemberPeriodKey(roomId.value(), member.value(), bucket));
            if (seconds != null && seconds != 0) {
                found.put(member, seconds);
            }
        }
        return found;
    }

    @Override
    public void deleteRoom(RoomId roomId) {
        days.keySet().removeIf(key -> key.roomId().equals(roomId.value()));
        periods.keySet().removeIf(key -> key.roomId().equals(roomId.value()));
    }

    @Override
    public Totals all() {
        return new Totals(days, periods);
    }

    @Override
    public void replaceAll(Totals totals) {
        days.clear();
        days.putAll(totals.days());
        periods.clear();
        periods.putAll(totals.periods());
    }
}
