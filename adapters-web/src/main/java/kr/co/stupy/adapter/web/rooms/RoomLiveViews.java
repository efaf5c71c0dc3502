package kr.co.stupy.adapter.web.rooms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.adapter.web.live.LiveRoomViews;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.RoomDetail;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** The room and the member a welcome shows, in the same shapes as the room routes. */
public final class RoomLiveViews implements LiveRoomViews {

    private final FindRoomsQuery rooms;

    public RoomLiveViews(FindRoomsQuery rooms) {
        this.rooms = rooms;
    }

    @Override
    public Optional<Views> forMember(RoomId roomId, UserId member) {
        RoomDetail detail;
        try {
            detail = rooms.room(member, roomId);
        } catch (DomainException gone) {
            return Optional.empty();
        }
        return detail.members().flatMap(members -> members.stream().filter(m -> m.userId().equals(member)).findFirst())
                .map(you -> new Views(RoomResponse.of(detail.view()), fields(RoomWithMembersResponse.MemberResponse.of(you))));
    }

    private static Map<String, Object> fields(RoomWithMembersResponse.MemberResponse member) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userId", member.userId());
        fields.put("nickname", member.nickname());
        fields.put("profileImageUrl", member.profileImageUrl());
        fields.put("owner", member.owner());
        fields.put("joinedAt", member.joinedAt());
        return fields;
    }
}
