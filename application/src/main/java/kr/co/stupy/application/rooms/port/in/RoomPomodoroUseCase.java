package kr.co.stupy.application.rooms.port.in;

import java.time.Instant;
import java.util.Objects;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** The owner starts the room's pomodoro (restarting one that runs) or stops it; every member live sees it in step. */
public interface RoomPomodoroUseCase {

    /** Building one validates the lengths ({@code VALIDATION_FAILED} naming the field). */
    record StartPomodoro(UserId asker, RoomId roomId, long focusSeconds, long breakSeconds, long longBreakSeconds,
                         int roundsBeforeLongBreak) {
        public StartPomodoro {
            Objects.requireNonNull(asker, "asker");
            Objects.requireNonNull(roomId, "roomId");
            Pomodoro.of(Instant.EPOCH, focusSeconds, breakSeconds, longBreakSeconds, roundsBeforeLongBreak);
        }

        public Pomodoro startingAt(Instant now) {
            return Pomodoro.of(now, focusSeconds, breakSeconds, longBreakSeconds, roundsBeforeLongBreak);
        }
    }

    /** Owner only ({@code 403 NOT_OWNER}); {@code ROOM_NOT_FOUND} for no such room. Starts a cycle now. */
    Pomodoro start(StartPomodoro command);

    /** Owner only; stopping a room without one changes nothing. */
    void stop(UserId asker, RoomId roomId);
}
