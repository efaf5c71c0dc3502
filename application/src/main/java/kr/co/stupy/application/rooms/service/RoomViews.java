package kr.co.stupy.application.rooms.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomNow;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomsNow;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/**
 * Adds who is live, the running study and the rank to rooms. A room's live total is its stored total
 * plus what its running sessions counted; its rank is 1 + the rooms whose live total is higher. The
 * store counts the rooms above by their stored totals for a whole page at once (never loading them);
 * the rooms someone studies in now are then corrected for their running time, which only they have.
 */
final class RoomViews {

    private final Rooms rooms;
    private final Users users;
    private final LiveRoomsView live;
    private volatile Rivals rivals = new Rivals(System.nanoTime() - RIVALS_AGE_NANOS, Map.of());

    private static final long RIVALS_AGE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private record Rivals(long readAtNanos, Map<RoomId, Long> stored) {
    }

    RoomViews(Rooms rooms, Users users, LiveRoomsView live) {
        this.rooms = rooms;
        this.users = users;
        this.live = live;
    }

    RoomView of(Room room) {
        return of(List.of(room)).getFirst();
    }

    List<RoomView> of(List<Room> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        RoomsNow now = live.figures(page.stream().map(Room::id).toList());
        Map<RoomId, Long> liveTotals = new HashMap<>();
        page.forEach(room -> liveTotals.put(room.id(), room.totalStudySeconds() + now.of(room.id()).runningSeconds()));
        Map<Long, Long> storedRanks = rooms.ranksOf(new HashSet<>(liveTotals.values()));
        Map<RoomId, Long> runningElsewhere = now.runningEverywhere();
        Map<RoomId, Long> storedElsewhere = storedTotalsOf(runningElsewhere.keySet());
        Set<UserId> liveUsers = new HashSet<>();
        page.forEach(room -> now.of(room.id()).live().forEach(member -> liveUsers.add(member.userId())));
        Map<UserId, User> people = liveUsers.isEmpty() ? Map.of() : users.byIds(List.copyOf(liveUsers));
        return page.stream().map(room -> {
            long total = liveTotals.get(room.id());
            long rank = storedRanks.get(total) + overtakenBy(room.id(), total, storedElsewhere, runningElsewhere);
            RoomNow figures = now.of(room.id());
            List<RoomView.LiveMember> members = figures.live().stream().map(m -> member(m.userId(), m.state(), people)).toList();
            return new RoomView(room, members, total, figures.todaySeconds(), rank);
        }).toList();
    }

    /**
     * The stored totals of the rooms studied in now. Every page of cards compares with them, and the
     * running time it adds to them is up to a second old anyway, so they are read at most once a second
     * (again at once when a room went live since).
     */
    private Map<RoomId, Long> storedTotalsOf(Set<RoomId> studiedIn) {
        if (studiedIn.isEmpty()) {
            return Map.of();
        }
        Rivals known = rivals;
        long now = System.nanoTime();
        if (now - known.readAtNanos() < RIVALS_AGE_NANOS && known.stored().keySet().containsAll(studiedIn)) {
            return known.stored();
        }
        Rivals read = new Rivals(now, Map.copyOf(rooms.studySecondsOf(studiedIn)));
        rivals = read;
        return read.stored();
    }

    /**
     * How the rooms studied in now change the count of rooms above {@code total}: one whose stored
     * total is above already counts; one whose running time lifts it above now counts too.
     */
    private static long overtakenBy(RoomId self, long total, Map<RoomId, Long> stored, Map<RoomId, Long> running) {
        long change = 0;
        for (Map.Entry<RoomId, Long> other : stored.entrySet()) {
            if (other.getKey().equals(self)) {
                continue;
            }
            boolean storedAbove = other.getValue() > total;
            boolean liveAbove = other.getValue() + running.getOrDefault(other.getKey(), 0L) > total;
            if (liveAbove && !storedAbove) {
                change++;
            }
        }
        return change;
    }

    private static RoomView.LiveMember member(UserId userId, StudyState state, Map<UserId, User> people) {
        User user = people.get(userId);
        return new RoomView.LiveMember(userId, user == null ? "(left user)" : user.nickname().value(),
                user == null ? Optional.empty() : user.profileImage(), state);
    }
}
