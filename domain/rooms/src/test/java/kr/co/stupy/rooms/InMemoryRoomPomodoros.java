package kr.co.stupy.rooms;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.RoomId;

/** Rooms' pomodoros in memory, for tests and one-node runs of the use cases. */
public final class InMemoryRoomPomodoros implements RoomPomodoros {

    private final Map<RoomId, Pomodoro> running = new ConcurrentHashMap<>();

    @Override
    public void start(RoomId roomId, Pomodoro pomodoro) {
        running.put(roomId, pomodoro);
    }

    @Override
    public boolean stop(RoomId roomId) {
        return running.remove(roomId) != null;
    }

    @Override
    public Optional<Pomodoro> of(RoomId roomId) {
        return Optional.ofNullable(running.get(roomId));
    }

    @Override
    public Map<RoomId, Pomodoro> of(Collection<RoomId> rooms) {
        Map<RoomId, Pomodoro> found = new HashMap<>();
        rooms.forEach(room -> of(room).ifPresent(pomodoro -> found.put(room, pomodoro)));
        return found;
    }
}
