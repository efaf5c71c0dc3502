package kr.co.stupy.application.live.local;

import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LocalConnections;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.shared.RoomId;

/** Fan-out on one node: every live connection is local, so an event goes straight to the WebSocket edge. */
public final class InProcessBroadcaster implements RoomBroadcaster {

    private final LivePresence presence;
    private final LocalConnections connections;

    public InProcessBroadcaster(LivePresence presence, LocalConnections connections) {
        this.presence = presence;
        this.connections = connections;
    }

    @Override
    public void toRoom(RoomId roomId, LiveEvent event) {
        connections.deliver(presence.inRoom(roomId).stream().map(LiveConnection::connectionId).toList(), event);
    }

    @Override
    public void toConnection(ConnectionId connectionId, LiveEvent event) {
        connections.deliver(connectionId, event);
    }
}
