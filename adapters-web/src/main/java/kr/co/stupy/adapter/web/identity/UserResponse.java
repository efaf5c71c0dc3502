package kr.co.stupy.adapter.web.identity;

import java.util.List;
import kr.co.stupy.adapter.web.image.ImageUrls;
import kr.co.stupy.application.identity.port.in.UserProfile;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.shared.RoomId;

/** {@code User} of the contract; {@code dailyGoalMinutes} is null while no goal is set. */
public record UserResponse(String id, String nickname, String email, String profileImageUrl,
                           List<String> providers, List<String> joinedRoomIds, Integer dailyGoalMinutes) {

    public static UserResponse of(UserProfile profile) {
        User user = profile.user();
        return new UserResponse(user.id().value(), user.nickname().value(),
                user.email().map(Email::value).orElse(null),
                user.profileImage().map(ImageUrls::of).orElse(null),
                user.providers().stream().map(Provider::key).toList(),
                profile.joinedRoomIds().stream().map(RoomId::value).toList(),
                profile.dailyGoalMinutes().isPresent() ? Integer.valueOf(profile.dailyGoalMinutes().getAsInt()) : null);
    }
}
