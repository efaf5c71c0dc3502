package kr.co.stupy.application.live.port.out;

import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.shared.RoomId;

/** Fan-out: delivers an event to every live connection of a room, or to one connection, on whichever node holds it. */
public interface RoomBroadcaster {

    void toRoom(RoomId roomId, LiveEvent event);

    void toConnection(ConnectionId connectionId, LiveEvent event);

    /** To a connection whose presence entry the caller holds, so a shared bus need not look up its node again. */
    default void toConnection(LiveConnection target, LiveEvent event) {
        toConnection(target.connectionId(), event);
    }
}
