package kr.co.stupy.application.studytime.port.out;

import java.util.List;
import kr.co.stupy.shared.RoomId;

/** The rooms' all-time study totals, the numbers their {@code rank} is computed from; bootstrap binds it to the rooms store. */
public interface AllTimeRoomTotals {

    /** At most {@code limit} rooms with the most {@code totalStudySeconds}, most first. */
    List<RoomTotal> mostStudied(int limit);

    record RoomTotal(RoomId roomId, long totalStudySeconds) {
    }
}
