package kr.co.stupy.application.rooms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.LiveMember;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomNow;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomsNow;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.rooms.InMemoryRooms;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomFixtures;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;
import org.junit.jupiter.api.Test;

/** Room cards' live figures: the running study adds to the total, and ranks compare live totals. */
class RoomViewsTest {

    static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    final InMemoryRooms rooms = new InMemoryRooms();
    final InMemoryUsers users = new InMemoryUsers();
    RoomsNow now = RoomsNow.NOBODY;
    final RoomViews views = new RoomViews(rooms, users, ignored -> now);

    Room room(long storedSeconds) {
        Room room = RoomFixtures.room(UserId.newId(), T0);
        rooms.insert(room);
        rooms.addStudySeconds(room.id(), storedSeconds);
        return rooms.byId(room.id()).orElseThrow();
    }

    long rankOf(Room room) {
        return views.of(rooms.byId(room.id()).orElseThrow()).rank();
    }

    @Test
    void withNobodyLiveTheStoredTotalsRankTheRooms() {
        Room a = room(100);
        Room b = room(90);
        Room c = room(90);
        assertEquals(List.of(1L, 2L, 2L), List.of(rankOf(a), rankOf(b), rankOf(c)));
        RoomView quiet = views.of(a);
        assertEquals(100, quiet.totalStudySeconds());
        assertEquals(0, quiet.liveCount());
    }

    @Test
    void aRoomWhoseRunningSessionsLiftItAboveAnotherOvertakesItFromEitherSideOfTheRanking() {
        Room a = room(100);
        Room b = room(90);
        Room c = room(50);
        UserId kim = users.registerIfAbsent(User.register(new LinkedAccount(Provider.DEV, "kim"), new Nickname("kim"), Optional.empty(),
                Optional.empty(), T0)).user().id();
        now = new RoomsNow(Map.of(b.id(), new RoomNow(List.of(new LiveMember(kim, StudyState.studying(Optional.empty(), T0))), 300, 20)),
                Map.of(b.id(), 20L));

        RoomView live = views.of(b);
        assertEquals(110, live.totalStudySeconds(), "stored 90 and 20 running");
        assertEquals(300, live.todayStudySeconds());
        assertEquals(1, live.rank());
        assertEquals("kim", live.studyingNow().getFirst().nickname());
        assertEquals(2, rankOf(a), "a room seen on its own knows of the running room that passed it");
        assertEquals(3, rankOf(c));
        List<RoomView> page = views.of(List.of(a, b, c));
        assertEquals(List.of(2L, 1L, 3L), page.stream().map(RoomView::rank).toList());
    }

    @Test
    void runningTimeThatDoesNotReachTheNextRoomChangesNoRankAndTiesShareOne() {
        Room a = room(100);
        Room b = room(90);
        now = new RoomsNow(Map.of(b.id(), new RoomNow(List.of(), 0, 10)), Map.of(b.id(), 10L, RoomId.newId(), 500L));
        assertEquals(1, rankOf(a), "a tie at 100 shares the first rank; a room that is gone is no competitor");
        assertEquals(1, rankOf(b));
        now = new RoomsNow(Map.of(), Map.of(b.id(), 5L));
        assertEquals(1, rankOf(a));
    }
}
