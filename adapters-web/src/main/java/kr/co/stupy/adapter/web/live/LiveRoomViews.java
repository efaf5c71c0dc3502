package kr.co.stupy.adapter.web.live;

import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** The {@code room} and {@code you} parts of a welcome, as the rooms part of the API shows them. */
public interface LiveRoomViews {

    record Views(Object room, Object you) {
    }

    Optional<Views> forMember(RoomId roomId, UserId member);
}
