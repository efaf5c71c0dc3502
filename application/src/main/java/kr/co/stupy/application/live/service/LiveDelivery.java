package kr.co.stupy.application.live.service;

import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.port.out.LocalConnections;

/**
 * The receiving end of a shared bus on one node: events go to the WebSocket edge; after an outage
 * this node's connections are put back into presence, and the few that cannot be (the user went
 * live elsewhere, the room filled) are closed, because presence no longer counts them.
 */
public final class LiveDelivery implements DeliverLiveEventUseCase {

    private final LocalConnections connections;
    private final LiveRoomService liveRooms;

    public LiveDelivery(LocalConnections connections, LiveRoomService liveRooms) {
        this.connections = connections;
        this.liveRooms = liveRooms;
    }

    @Override
    public void deliver(ConnectionId connectionId, LiveEvent event) {
        connections.deliver(connectionId, event);
    }

    @Override
    public void busReconnected() {
        for (LiveConnection lost : liveRooms.restoreHeldConnections()) {
            // The closest contract event: this seat went to someone else while the bus was away.
            connections.deliver(lost.connectionId(), new LiveEvent.Replaced());
        }
    }
}
