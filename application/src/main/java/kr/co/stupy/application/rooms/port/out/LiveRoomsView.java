package kr.co.stupy.application.rooms.port.out;

import java.util.Collection;
import java.util.Map;
import kr.co.stupy.shared.RoomId;

/** How many live connections each room has right now, as presence knows it. */
public interface LiveRoomsView {

    /** The live count of each of {@code rooms} that has anyone live; rooms left out have nobody. */
    Map<RoomId, Integer> liveCounts(Collection<RoomId> rooms);
}
