package kr.co.stupy.application.rooms.port.in;

import java.util.Objects;
import kr.co.stupy.rooms.Room;

/** A room as others see it: the room, how many are live in it, and its rank by study time. */
public record RoomView(Room room, int liveCount, long rank) {
    public RoomView {
        Objects.requireNonNull(room, "room");
        if (liveCount < 0 || rank < 1) {
            throw new IllegalArgumentException("live count is never negative and ranks start at 1");
        }
    }

    public boolean live() {
        return liveCount > 0;
    }
}
