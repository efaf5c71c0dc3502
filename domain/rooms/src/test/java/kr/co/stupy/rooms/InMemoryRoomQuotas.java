package kr.co.stupy.rooms;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** {@link RoomQuotas} in memory: per user, a count of holds per room. */
public final class InMemoryRoomQuotas implements RoomQuotas {

    private final Map<UserId, Map<RoomId, Integer>> holds = new ConcurrentHashMap<>();

    @Override
    public boolean hold(UserId user, RoomId room, int limit) {
        boolean[] held = new boolean[1];
        holds.compute(user, (key, rooms) -> {
            Map<RoomId, Integer> next = rooms == null ? new HashMap<>() : new HashMap<>(rooms);
            if (next.containsKey(room) || next.size() < limit) {
                next.merge(room, 1, Integer::sum);
                held[0] = true;
            }
            return next;
        });
        return held[0];
    }

    @Override
    public void release(UserId user, RoomId room) {
        holds.computeIfPresent(user, (key, rooms) -> {
            Map<RoomId, Integer> next = new HashMap<>(rooms);
            next.computeIfPresent(room, (r, count) -> count > 1 ? count - 1 : null);
            return next;
        });
    }

    @Override
    public Set<RoomId> held(UserId user) {
        return Set.copyOf(holds.getOrDefault(user, Map.of()).keySet());
    }

    @Override
    public void forget(UserId user) {
        holds.remove(user);
    }
}
