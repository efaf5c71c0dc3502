package kr.co.stupy.application.rooms.service;

import java.time.Clock;
import java.util.Optional;
import kr.co.stupy.application.rooms.port.in.RoomPomodoroUseCase;
import kr.co.stupy.application.rooms.port.out.PomodoroAnnouncements;
import kr.co.stupy.application.rooms.port.out.RoomRemovalCleanup;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.RoomPomodoros;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * The room's pomodoro: stored with the room before anyone hears of it, so a node that missed the
 * announcement (or starts later) reads the same cycle; a deleted room's pomodoro goes with it.
 */
public final class RoomPomodoroService implements RoomPomodoroUseCase, RoomRemovalCleanup {

    private final Rooms rooms;
    private final RoomPomodoros pomodoros;
    private final PomodoroAnnouncements announcements;
    private final Clock clock;

    public RoomPomodoroService(Rooms rooms, RoomPomodoros pomodoros, PomodoroAnnouncements announcements, Clock clock) {
        this.rooms = rooms;
        this.pomodoros = pomodoros;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Override
    public Pomodoro start(StartPomodoro command) {
        ownedBy(command.asker(), command.roomId());
        Pomodoro pomodoro = command.startingAt(clock.instant());
        pomodoros.start(command.roomId(), pomodoro);
        announcements.changed(command.roomId(), Optional.of(pomodoro));
        return pomodoro;
    }

    @Override
    public void stop(UserId asker, RoomId roomId) {
        ownedBy(asker, roomId);
        if (pomodoros.stop(roomId)) {
            announcements.changed(roomId, Optional.empty());
        }
    }

    @Override
    public void roomRemoved(RoomId roomId) {
        pomodoros.stop(roomId);
    }

    private void ownedBy(UserId asker, RoomId roomId) {
        Room room = rooms.byId(roomId).orElseThrow(RoomErrors::notFound);
        if (!room.isOwner(asker)) {
            throw RoomErrors.notOwner();
        }
    }
}
