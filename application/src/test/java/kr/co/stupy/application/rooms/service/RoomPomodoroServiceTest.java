package kr.co.stupy.application.rooms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.rooms.port.in.RoomPomodoroUseCase.StartPomodoro;
import kr.co.stupy.rooms.InMemoryRoomPomodoros;
import kr.co.stupy.rooms.InMemoryRooms;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomFixtures;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RoomPomodoroServiceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T03:00:00Z"));
    final InMemoryRooms rooms = new InMemoryRooms();
    final InMemoryRoomPomodoros pomodoros = new InMemoryRoomPomodoros();
    final List<Optional<Pomodoro>> announced = new ArrayList<>();
    final RoomPomodoroService service = new RoomPomodoroService(rooms, pomodoros, (roomId, pomodoro) -> announced.add(pomodoro), clock);
    final UserId owner = UserId.newId();
    final Room room = RoomFixtures.room(owner, clock.instant());

    @Test
    void theOwnerStartsACycleNowThatIsStoredBeforeItIsAnnouncedAndStopsIt() {
        rooms.insert(room);
        Pomodoro started = service.start(new StartPomodoro(owner, room.id(), 1500, 300, 900, 4));
        assertEquals(clock.instant(), started.startedAt());
        assertEquals(Optional.of(started), pomodoros.of(room.id()));
        assertEquals(List.of(Optional.of(started)), announced);

        service.stop(owner, room.id());
        service.stop(owner, room.id());
        assertEquals(Optional.empty(), pomodoros.of(room.id()));
        assertEquals(List.of(Optional.of(started), Optional.<Pomodoro>empty()), announced, "stopping what is not running says nothing");
    }

    @Test
    void othersNoRoomAndBadLengthsAreRefusedWithTheContractsErrors() {
        rooms.insert(room);
        assertEquals("NOT_OWNER", assertThrows(DomainException.class,
                () -> service.start(new StartPomodoro(UserId.newId(), room.id(), 1500, 300, 900, 4))).code());
        assertEquals("NOT_OWNER", assertThrows(DomainException.class, () -> service.stop(UserId.newId(), room.id())).code());
        assertEquals("ROOM_NOT_FOUND", assertThrows(DomainException.class,
                () -> service.start(new StartPomodoro(owner, RoomId.newId(), 1500, 300, 900, 4))).code());
        assertEquals("focusSeconds", assertThrows(InvalidInputException.class,
                () -> new StartPomodoro(owner, room.id(), 30, 300, 900, 4)).errors().getFirst().field());
        assertEquals(List.of(), announced);
    }

    @Test
    void aDeletedRoomsPomodoroGoes() {
        rooms.insert(room);
        service.start(new StartPomodoro(owner, room.id(), 1500, 300, 900, 4));
        service.roomRemoved(room.id());
        assertEquals(Optional.empty(), pomodoros.of(room.id()));
    }
}
