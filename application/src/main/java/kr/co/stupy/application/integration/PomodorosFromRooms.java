package kr.co.stupy.application.integration;

import java.util.Collection;
import java.util.Map;
import kr.co.stupy.application.live.port.out.RoomPomodoroSource;
import kr.co.stupy.application.rooms.port.in.RoomPomodoroQuery;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.RoomId;

/** Rooms keep the pomodoros; live rooms on every node read them from there to keep their members in step. */
public final class PomodorosFromRooms implements RoomPomodoroSource {

    private final RoomPomodoroQuery rooms;

    public PomodorosFromRooms(RoomPomodoroQuery rooms) {
        this.rooms = rooms;
    }

    @Override
    public Map<RoomId, Pomodoro> pomodorosOf(Collection<RoomId> roomIds) {
        return rooms.pomodorosOf(roomIds);
    }
}
