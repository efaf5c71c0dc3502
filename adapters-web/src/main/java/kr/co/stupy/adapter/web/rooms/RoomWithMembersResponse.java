package kr.co.stupy.adapter.web.rooms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import kr.co.stupy.adapter.web.image.ImageUrls;
import kr.co.stupy.adapter.web.live.PomodoroResponse;
import kr.co.stupy.application.rooms.port.in.MemberView;

/**
 * {@code Room} plus {@code members} and the room's {@code pomodoro} (null when none runs), as members
 * of the room see it; the owner also gets {@code refusedPasswordAttempts} (absent for everyone else).
 */
public record RoomWithMembersResponse(@JsonUnwrapped RoomResponse room, List<MemberResponse> members,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) Long refusedPasswordAttempts,
                                      PomodoroResponse pomodoro) {

    /** {@code Member} of the contract. */
    public record MemberResponse(String userId, String nickname, String profileImageUrl, boolean owner, Instant joinedAt) {
        static MemberResponse of(MemberView member) {
            return new MemberResponse(member.userId().value(), member.nickname(),
                    member.profileImage().map(ImageUrls::of).orElse(null), member.owner(), member.joinedAt());
        }
    }
}
