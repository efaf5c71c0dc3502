package kr.co.stupy.application.live.port.out;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** What live rooms need to know from the rooms context; bootstrap binds it to the rooms use cases. */
public interface RoomMembers {

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
}
