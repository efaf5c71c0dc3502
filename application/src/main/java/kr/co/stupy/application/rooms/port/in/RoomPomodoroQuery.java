package kr.co.stupy.application.rooms.port.in;

import java.util.Collection;
import java.util.Map;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.RoomId;

/** The pomodoros rooms run, as stored: what live rooms on every node keep in step with. */
public interface RoomPomodoroQuery {

    /** The pomodoros of those of {@code rooms} that run one. */
    Map<RoomId, Pomodoro> pomodorosOf(Collection<RoomId> rooms);
}
