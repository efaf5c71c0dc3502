package kr.co.stupy.application.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import kr.co.stupy.application.studytime.port.out.AllTimeRoomTotals.RoomTotal;
import kr.co.stupy.rooms.InMemoryRooms;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomFixtures;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

class RoomsStudyTotalsTest {

    @Test
    void finishedStudyAddsToTheRoomAndTheMostStudiedComeFirst() {
        var rooms = new InMemoryRooms();
        Room quiet = RoomFixtures.room(UserId.newId(), "quiet", "a quiet room", Instant.parse("2026-12-01T00:00:00Z"));
        Room busy = RoomFixtures.room(UserId.newId(), "busy", "a busy room", Instant.parse("2026-12-01T00:00:00Z"));
        rooms.insert(quiet);
        rooms.insert(busy);
        var totals = new RoomsStudyTotals(rooms);

        totals.add(quiet.id(), 60);
        totals.add(busy.id(), 600);
        totals.add(busy.id(), 30);

        assertEquals(List.of(new RoomTotal(busy.id(), 630), new RoomTotal(quiet.id(), 60)), totals.mostStudied(10));
        assertEquals(1, totals.mostStudied(1).size());
    }
}
