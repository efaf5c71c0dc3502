package kr.co.stupy.application.live.port.in;

import java.util.Optional;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.RoomId;

/**
 * This node's side of the room pomodoros: it tells its own connections each phase change once, and
 * puts them on a break for the break phases. No node owns a room's timer; every node computes the
 * phase from the stored start and lengths.
 */
public interface KeepPomodorosInStepUseCase {

    /** How often {@link #tick} runs: a phase change reaches the connections at most this late. */
    java.time.Duration TICK = java.time.Duration.ofMillis(200);

    /** Tells each connection whose room changed phase (or pomodoro) since it was last told; returns how many were told. */
    int tick();

    /** A pomodoro started (empty: stopped) through this node: its connections hear at once, the other nodes read it within a second. */
    void changed(RoomId roomId, Optional<Pomodoro> pomodoro);
}
