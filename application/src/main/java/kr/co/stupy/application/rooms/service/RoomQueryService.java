package kr.co.stupy.application.rooms.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.MemberView;
import kr.co.stupy.application.rooms.port.in.MyRoom;
import kr.co.stupy.application.rooms.port.in.RoomDetail;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.rooms.port.in.RoomsOfMemberQuery;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.Ban;
import kr.co.stupy.rooms.Member;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.RoomSearch;
import kr.co.stupy.application.rooms.port.in.RoomPomodoroQuery;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.rooms.RoomPomodoros;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Reads rooms for the web and tells the identity context which rooms a user belongs to. */
public final class RoomQueryService implements FindRoomsQuery, RoomsOfMemberQuery, RoomRosterQuery, RoomPomodoroQuery {

    /** How a user whose account is gone is shown. */
    static final String LEFT_USER = "(left user)";

    private final Rooms rooms;
    private final Users users;
    private final RoomViews views;
    private final RoomPomodoros pomodoros;

    public RoomQueryService(Rooms rooms, Users users, LiveRoomsView live, RoomPomodoros pomodoros) {
        this.rooms = rooms;
        this.users = users;
        this.pomodoros = pomodoros;
        this.views = new RoomViews(rooms, users, live);
    }

    @Override
    public Page<RoomView> search(RoomSearch search, PageRequest page) {
        Page<Room> found = rooms.search(search, page);
        return new Page<>(views.of(found.items()), found.nextCursor());
    }

    @Override
    public List<MyRoom> mine(UserId userId) {
        List<Room> mine = rooms.ofMember(userId);
        return views.of(mine).stream().map(view -> new MyRoom(view, view.room().isOwner(userId))).toList();
    }

    @Override
    public List<RoomView> views(List<RoomId> ids) {
        return views.of(ids.stream().map(rooms::byId).flatMap(Optional::stream).toList());
    }

    @Override
    public RoomDetail room(UserId viewer, RoomId roomId) {
        Room room = rooms.byId(roomId).orElseThrow(RoomErrors::notFound);
        RoomView view = views.of(room);
        if (!room.isMember(viewer)) {
            return new RoomDetail(view, Optional.empty());
        }
        List<Member> members = room.membersOwnerFirst();
        Map<UserId, User> known = users.byIds(members.stream().map(Member::userId).toList());
        List<MemberView> seen = members.stream().map(member -> {
            Optional<User> user = Optional.ofNullable(known.get(member.userId()));
            return new MemberView(member.userId(), user.map(u -> u.nickname().value()).orElse(LEFT_USER),
                    user.flatMap(User::profileImage), room.isOwner(member.userId()), member.joinedAt());
        }).toList();
        // Only the owner can act on guessing (change the password), so only the owner is told of it.
        Optional<Long> refused = room.isOwner(viewer) ? Optional.of(rooms.refusedPasswordAttempts(roomId)) : Optional.empty();
        return new RoomDetail(view, Optional.of(seen), refused, pomodoros.of(roomId));
    }

    @Override
    public Map<RoomId, Pomodoro> pomodorosOf(Collection<RoomId> roomIds) {
        return pomodoros.of(roomIds);
    }

    @Override
    public List<RoomId> roomsOf(UserId userId) {
        return rooms.ofMember(userId).stream().map(Room::id).toList();
    }

    @Override
    public Optional<Roster> rosterOf(RoomId roomId) {
        return rooms.byId(roomId).map(room -> new Roster(
                room.membersOwnerFirst().stream().map(Member::userId).toList(),
                room.bans().stream().map(Ban::userId).collect(Collectors.toSet())));
    }
}
