package kr.co.stupy.rooms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** {@link RoomQuotas} in memory: per user, the list of holds. */
public final class InMemoryRoomQuotas implements RoomQuotas {

    private final Map<UserId, List<RoomHold>> holds = new ConcurrentHashMap<>();
    /** Changed only inside a {@code compute} of the user's entry, so a close and a hold are ordered. */
    private final Set<UserId> closed = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<RoomHold> hold(UserId user, RoomId room, Instant at, int limit) {
        RoomHold hold = RoomHold.take(room, at);
        boolean[] held = new boolean[1];
        holds.compute(user, (key, current) -> {
            List<RoomHold> next = current == null ? new ArrayList<>() : new ArrayList<>(current);
            if (closed.contains(user)) {
                return List.copyOf(next);
            }
            long distinct = next.stream().map(RoomHold::room).distinct().count();
            if (next.stream().anyMatch(h -> h.room().equals(room)) || distinct < limit) {
                next.add(hold);
                held[0] = true;
            }
            return List.copyOf(next);
        });
        return held[0] ? Optional.of(hold) : Optional.empty();
    }

    @Override
    public void release(UserId user, RoomHold hold) {
        holds.computeIfPresent(user, (key, current) -> current.stream().filter(h -> !h.id().equals(hold.id())).toList());
    }

    @Override
    public List<RoomHold> holds(UserId user) {
        return holds.getOrDefault(user, List.of());
    }

    @Override
    public void close(UserId user) {
        holds.compute(user, (key, current) -> {
            closed.add(user);
            return current == null ? List.of() : current;
        });
    }

    @Override
    public boolean isClosed(UserId user) {
        return closed.contains(user);
    }
}
