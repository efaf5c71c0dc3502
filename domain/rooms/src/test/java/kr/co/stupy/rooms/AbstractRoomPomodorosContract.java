package kr.co.stupy.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RoomPomodoros} promises. Extend it once per implementation. */
public abstract class AbstractRoomPomodorosContract {

    static final Instant T0 = Instant.parse("2026-12-05T03:00:00.123Z");
    protected RoomPomodoros pomodoros;
    final RoomId room = RoomId.newId();
    final RoomId other = RoomId.newId();

    protected abstract RoomPomodoros createPomodoros();

    @BeforeEach
    void setUpPomodoros() {
        pomodoros = createPomodoros();
    }

    @Test
    void aStartedPomodoroIsReadBackExactlyAndARestartReplacesIt() {
        Pomodoro first = Pomodoro.of(T0, 1500, 300, 900, 4);
        pomodoros.start(room, first);
        assertEquals(Optional.of(first), pomodoros.of(room));
        assertEquals(Optional.empty(), pomodoros.of(other));

        Pomodoro again = Pomodoro.of(T0.plusSeconds(60), 3000, 600, 0, 2);
        pomodoros.start(room, again);
        assertEquals(Optional.of(again), pomodoros.of(room));
        pomodoros.start(other, first);
        assertEquals(Map.of(room, again, other, first), pomodoros.of(List.of(room, other, RoomId.newId())));
        assertEquals(Map.of(), pomodoros.of(List.of()));
    }

    @Test
    void stoppingEndsItOnceAndOnlyInItsRoom() {
        pomodoros.start(room, Pomodoro.of(T0, 1500, 300, 900, 4));
        pomodoros.start(other, Pomodoro.of(T0, 1500, 300, 900, 4));
        assertTrue(pomodoros.stop(room));
        assertFalse(pomodoros.stop(room));
        assertEquals(Optional.empty(), pomodoros.of(room));
        assertTrue(pomodoros.of(other).isPresent());
    }

    @Test
    void parallelStartsLeaveOneOfThemWhole() {
        List<Pomodoro> started = Parallel.run(12, i -> {
            Pomodoro pomodoro = Pomodoro.of(T0.plusSeconds(i), 60 + i, 60 + i, i, 1 + i % 10);
            pomodoros.start(room, pomodoro);
            return pomodoro;
        });
        assertTrue(started.contains(pomodoros.of(room).orElseThrow()), "one whole start, never a mix of two");
    }
}
