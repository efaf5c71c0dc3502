package kr.co.stupy.application.live.port.out;

import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** What live rooms need to know from the rooms context; bootstrap binds it to the rooms use cases. */
public interface RoomMembers {

    /** The room's members, owner first, then by join time; empty when there is no such room. */
    Optional<List<UserId>> membersOf(RoomId roomId);

    boolean isBanned(RoomId roomId, UserId userId);
}
