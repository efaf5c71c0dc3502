package kr.co.stupy.application.rooms.port.out;

import java.util.Collection;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomsNow;
import kr.co.stupy.shared.RoomId;

/** Who is live in each room right now and what their study adds to the room's figures, as presence and study time know it. */
public interface LiveRoomsView {

    /** The figures of {@code rooms} at one instant, and the running seconds of every room anyone studies in now. */
    RoomsNow figures(Collection<RoomId> rooms);
}
