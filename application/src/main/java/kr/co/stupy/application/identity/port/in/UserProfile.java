package kr.co.stupy.application.identity.port.in;

import java.util.List;
import kr.co.stupy.identity.User;
import kr.co.stupy.shared.RoomId;

/** A user as they see themselves: the profile and the rooms they belong to. */
public record UserProfile(User user, List<RoomId> joinedRoomIds) {
    public UserProfile {
        joinedRoomIds = List.copyOf(joinedRoomIds);
    }
}
