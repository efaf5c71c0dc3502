package kr.co.stupy.application.live.port.out;

import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;

/** The live connections this node holds (the WebSocket edge implements it). */
public interface LocalConnections {

    /** Sends the event (and closes the connection when the event says so); false when this node does not hold it. */
    boolean deliver(ConnectionId connectionId, LiveEvent event);
}
