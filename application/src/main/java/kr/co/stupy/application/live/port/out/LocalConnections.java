package kr.co.stupy.application.live.port.out;

import java.util.ArrayList;
import java.util.List;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;

/** The live connections this node holds (the WebSocket edge implements it). */
public interface LocalConnections {

    /** Sends the event (and closes the connection when the event says so); false when this node does not hold it. */
    boolean deliver(ConnectionId connectionId, LiveEvent event);

    /**
     * Sends one event to several connections; returns those this node holds. An edge that encodes
     * frames overrides it to encode the event once for all of them.
     */
    default List<ConnectionId> deliver(List<ConnectionId> connectionIds, LiveEvent event) {
        List<ConnectionId> delivered = new ArrayList<>(connectionIds.size());
        for (ConnectionId id : connectionIds) {
            if (deliver(id, event)) {
                delivered.add(id);
            }
        }
        return delivered;
    }
}
