package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyRollups;

/** {@link StudyRollups} in memory, for tests. */
public final class InMemoryStudyRollups implements StudyRollups {

    private final Map<DayKey, Long> users = new ConcurrentHashMap<>();
    private final Map<DayKey, Long> rooms = new ConcurrentHashMap<>();

    @Override
    public void add(UserId userId, RoomId roomId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> {
            users.merge(new DayKey(userId.value(), day), seconds, Long::sum);
            rooms.merge(new DayKey(roomId.value(), day), seconds, Long::sum);
        });
    }

    @Override
    public SortedMap<LocalDate, Long> ofUser(UserId userId, LocalDate first, LocalDate last) {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        users.forEach((key, seconds) -> {
            if (key.ownerId().equals(userId.value()) && !key.day().isBefore(first) && !key.day().isAfter(last) && seconds != 0) {
                days.put(key.day(), seconds);
            }
        });
        return days;
    }

    @Override
    public Map<RoomId, Long> ofRooms(LocalDate first, LocalDate last) {
        Map<RoomId, Long> totals = new HashMap<>();
        rooms.forEach((key, seconds) -> {
            if (!key.day().isBefore(first) && !key.day().isAfter(last)) {
                totals.merge(new RoomId(key.ownerId()), seconds, Long::sum);
            }
        });
        totals.values().removeIf(seconds -> seconds == 0);
        return totals;
    }

    @Override
    public void deleteRoom(RoomId roomId) {
        rooms.keySet().removeIf(key -> key.ownerId().equals(roomId.value()));
    }

    @Override
    public Totals all() {
        return new Totals(users, rooms);
    }

    @Override
    public void replaceAll(Totals totals) {
        users.clear();
        rooms.clear();
        users.putAll(totals.users());
        rooms.putAll(totals.rooms());
    }
}
