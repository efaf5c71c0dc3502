package kr.co.stupy.application.live.port.in;

import java.util.List;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;

/**
 * What a shared bus hands to this node: an event for a connection it holds, or the news that the
 * bus was gone and is back. The bus adapter calls it from its subscriber; it never reaches the
 * WebSocket edge itself.
 */
public interface DeliverLiveEventUseCase {

    /** Delivers the event to the connection if this node holds it; anything else is ignored. */
    void deliver(ConnectionId connectionId, LiveEvent event);

    /** Delivers one event to those of the connections this node holds. */
    default void deliver(List<ConnectionId> connectionIds, LiveEvent event) {
        connectionIds.forEach(id -> deliver(id, event));
    }

    /**
     * The bus reconnected after an outage, so what it remembered may be gone (a restarted, empty
     * Redis): this node puts its live connections back into presence.
     */
    void busReconnected();
}
