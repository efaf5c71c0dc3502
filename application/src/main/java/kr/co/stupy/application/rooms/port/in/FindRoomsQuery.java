package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import kr.co.stupy.rooms.RoomSearch;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Reading rooms: search, one's own rooms, one room. */
public interface FindRoomsQuery {

    Page<RoomView> search(RoomSearch search, PageRequest page);

    /** The rooms {@code userId} belongs to, the one joined first first. */
    List<MyRoom> mine(UserId userId);

    /** The rooms that still exist among {@code ids}, as anyone sees them, in the order asked for. */
    List<RoomView> views(List<RoomId> ids);

    /** One room; {@code ROOM_NOT_FOUND} when there is none. */
    RoomDetail room(UserId viewer, RoomId roomId);
}
