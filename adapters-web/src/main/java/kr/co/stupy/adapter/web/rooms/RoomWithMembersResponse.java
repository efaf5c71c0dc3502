package kr.co.stupy.adapter.web.rooms;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import kr.co.stupy.adapter.web.image.ImageUrls;
import kr.co.stupy.application.rooms.port.in.MemberView;

/** {@code Room} plus {@code members}, as members of the room see it. */
public record RoomWithMembersResponse(@JsonUnwrapped RoomResponse room, List<MemberResponse> members) {

    /** {@code Member} of the contract. */
    public record MemberResponse(String userId, String nickname, String profileImageUrl, boolean owner, Instant joinedAt) {
        static MemberResponse of(MemberView member) {
            return new MemberResponse(member.userId().value(), member.nickname(),
                    member.profileImage().map(ImageUrls::of).orElse(null), member.owner(), member.joinedAt());
        }
    }
}
