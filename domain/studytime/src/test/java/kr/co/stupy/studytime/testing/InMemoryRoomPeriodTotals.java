package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.RoomPeriodTotals;

/** {@link RoomPeriodTotals} in memory, for tests. */
public final class InMemoryRoomPeriodTotals implements RoomPeriodTotals {

    private final Map<RoomDay, Long> days = new ConcurrentHashMap<>();
    private final Map<BucketKey, Long> buckets = new ConcurrentHashMap<>();

    @Override
    public void add(RoomId roomId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> {
            days.merge(new RoomDay(roomId.value(), day), seconds, Long::sum);
            for (PeriodBucket bucket : PeriodBucket.allContaining(day)) {
                buckets.merge(new BucketKey(bucket, roomId.value()), seconds, Long::sum);
            }
        });
    }

    @Override
    public Map<RoomId, Long> onDay(LocalDate day, java.util.Collection<RoomId> rooms) {
        Map<RoomId, Long> totals = new HashMap<>();
        for (RoomId roomId : rooms) {
            long seconds = days.getOrDefault(new RoomDay(roomId.value(), day), 0L);
            if (seconds != 0) {
                totals.put(roomId, seconds);
            }
        }
        return totals;
    }

    @Override
    public Map<RoomId, Long> ofRooms(PeriodBucket bucket) {
        Map<RoomId, Long> totals = new HashMap<>();
        buckets.forEach((key, seconds) -> {
            if (key.bucket().equals(bucket) && seconds != 0) {
                totals.put(new RoomId(key.roomId()), seconds);
            }
        });
        return totals;
    }

    @Override
    public void deleteRoom(RoomId roomId) {
        days.keySet().removeIf(key -> key.roomId().equals(roomId.value()));
        buckets.keySet().removeIf(key -> key.roomId().equals(roomId.value()));
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
