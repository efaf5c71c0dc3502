package kr.co.stupy.application.live.port.out;

import java.util.Collection;
import java.util.Map;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.RoomId;

/** Where the rooms' pomodoros are kept (every node reads the same): a node learns starts and stops on other nodes from it. */
public interface RoomPomodoroSource {

    /** The pomodoros of those of {@code rooms} that run one. */
    Map<RoomId, Pomodoro> pomodorosOf(Collection<RoomId> rooms);
}
