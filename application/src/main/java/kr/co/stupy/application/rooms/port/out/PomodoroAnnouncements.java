package kr.co.stupy.application.rooms.port.out;

import java.util.Optional;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.RoomId;

/** Tells the room's live members that its pomodoro started (empty: stopped), on every node. */
public interface PomodoroAnnouncements {
    void changed(RoomId roomId, Optional<Pomodoro> pomodoro);
}
