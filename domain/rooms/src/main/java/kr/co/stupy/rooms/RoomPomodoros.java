package kr.co.stupy.rooms;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;

/**
 * Where each room's pomodoro is kept, so that every node (and a node started later) knows the phase
 * from the stored start and lengths alone. Each change is one write of one room's entry.
 */
public interface RoomPomodoros {

    /** Starts {@code pomodoro} in the room, replacing the one that runs. */
    void start(RoomId roomId, Pomodoro pomodoro);

    /** Stops the room's pomodoro; false when none ran. */
    boolean stop(RoomId roomId);

    Optional<Pomodoro> of(RoomId roomId);

    /** The pomodoros of those of {@code rooms} that run one. */
    Map<RoomId, Pomodoro> of(Collection<RoomId> rooms);
}
