package kr.co.stupy.adapter.web.rooms;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import kr.co.stupy.application.rooms.port.in.MyRoom;

/** {@code Room} plus {@code owner}: one of the caller's rooms. */
public record MyRoomResponse(@JsonUnwrapped RoomResponse room, boolean owner) {
    static MyRoomResponse of(MyRoom mine) {
        return new MyRoomResponse(RoomResponse.of(mine.view()), mine.owner());
    }
}
