package kr.co.stupy.application.identity.port.in;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import kr.co.stupy.identity.User;
import kr.co.stupy.shared.RoomId;

/** A user as they see themselves: the profile, the rooms they belong to and their daily study goal. */
public record UserProfile(User user, List<RoomId> joinedRoomIds, OptionalInt dailyGoalMinutes) {
    public UserProfile {
        joinedRoomIds = List.copyOf(joinedRoomIds);
        Objects.requireNonNull(dailyGoalMinutes, "dailyGoalMinutes");
    }
}
