package kr.co.stupy.application.integration;

import java.util.Optional;
import kr.co.stupy.application.live.port.in.KeepPomodorosInStepUseCase;
import kr.co.stupy.application.rooms.port.out.PomodoroAnnouncements;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.RoomId;

/** A pomodoro started or stopped through this node reaches this node's live members at once (other nodes read it from the store). */
public final class PomodoroChangesToLive implements PomodoroAnnouncements {

    private final KeepPomodorosInStepUseCase live;

    public PomodoroChangesToLive(KeepPomodorosInStepUseCase live) {
        this.live = live;
    }

    @Override
    public void changed(RoomId roomId, Optional<Pomodoro> pomodoro) {
        live.changed(roomId, pomodoro);
    }
}
