package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Who belongs to a room: what live rooms, chat and leaderboards check before they let anyone in. */
public interface RoomRosterQuery {

    /** A room's members (owner first, then by join time) and the users banned from it, read together. */
    record Roster(List<UserId> members, Set<UserId> banned) {
        public Roster {
            members = List.copyOf(members);
            banned = Set.copyOf(banned);
        }
    }

    /** The room's roster; empty when there is no such room. */
    Optional<Roster> rosterOf(RoomId roomId);

    default Optional<List<UserId>> membersOf(RoomId roomId) {
        return rosterOf(roomId).map(Roster::members);
    }

    /** The room's members when {@code asker} is one of them: {@code ROOM_NOT_FOUND} or {@code 403 NOT_MEMBER} otherwise. */
    default List<UserId> membersFor(UserId asker, RoomId roomId) {
        List<UserId> members = membersOf(roomId).orElseThrow(RoomErrors::notFound);
        if (!members.contains(asker)) {
            throw notAMember();
        }
        return members;
    }

    /** The asker is not a member of the room it asks about. */
    static DomainException notAMember() {
        return DomainException.forbidden("NOT_MEMBER", "only members of the room may do this");
    }
}
