package kr.co.stupy.application.studytime.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import kr.co.stupy.shared.RoomId;

/** The rooms' all-time study totals, the numbers their {@code rank} is computed from; bootstrap binds it to the rooms store. */
public interface AllTimeRoomTotals {

    /** At most {@code limit} rooms with the most {@code totalStudySeconds}, most first. */
    List<RoomTotal> mostStudied(int limit);

    /** The stored totals of those of {@code rooms} that exist (the rooms studied in now, whose running time a ranking adds). */
    Map<RoomId, Long> totalsOf(Collection<RoomId> rooms);

    record RoomTotal(RoomId roomId, long totalStudySeconds) {
    }
}
