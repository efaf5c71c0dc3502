package kr.co.stupy.adapter.web.live;

import java.util.Map;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * The {@code room} and {@code you} parts of a welcome, as the rooms part of the API shows them;
 * {@code you} is the member's fields by name, so the welcome can add what the member does now.
 */
public interface LiveRoomViews {

    record Views(Object room, Map<String, Object> you) {
    }

    Optional<Views> forMember(RoomId roomId, UserId member);
}
