package kr.co.stupy.application.live.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LocalConnections;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RoomBroadcaster} promises: a room event reaches each live connection of that
 * room exactly once and nobody else; a connection event reaches that connection only.
 */
public abstract class AbstractRoomBroadcasterContract {

    /** Receives what a node's WebSocket edge would. */
    public static final class Recorder implements LocalConnections {
        private final Map<ConnectionId, List<LiveEvent>> received = new ConcurrentHashMap<>();

        @Override
        public boolean deliver(ConnectionId connectionId, LiveEvent event) {
            received.computeIfAbsent(connectionId, id -> new ArrayList<>()).add(event);
            return true;
        }

        public List<LiveEvent> of(ConnectionId id) {
            return List.copyOf(received.getOrDefault(id, List.of()));
        }
    }

    protected LivePresence presence;
    protected Recorder recorder;
    protected RoomBroadcaster broadcaster;
    protected final RoomId room = RoomId.newId();
    protected final RoomId otherRoom = RoomId.newId();

    protected abstract LivePresence createPresence();

    /** A broadcaster whose deliveries on this node end up in {@code recorder}. */
    protected abstract RoomBroadcaster createBroadcaster(LivePresence presence, Recorder recorder);

    /** Waits until asynchronous implementations have delivered what was sent so far. */
    protected void settle() {
    }

    @BeforeEach
    void setUpBroadcaster() {
        presence = createPresence();
        recorder = new Recorder();
        broadcaster = createBroadcaster(presence, recorder);
    }

    protected LiveConnection live(RoomId roomId) {
        Instant now = Instant.now();
        LiveConnection connection = new LiveConnection(ConnectionId.newId(), UserId.newId(), roomId, "node-a", now, Ids.newId(now));
        presence.admit(connection);
        return connection;
    }

    @Test
    void aRoomEventReachesEachConnectionOfTheRoomOnce() {
        LiveConnection a = live(room);
        LiveConnection b = live(room);
        LiveConnection elsewhere = live(otherRoom);
        LiveEvent event = new LiveEvent.PeerLeft(ConnectionId.newId(), UserId.newId());

        broadcaster.toRoom(room, event);
        settle();

        assertEquals(List.of(event), recorder.of(a.connectionId()));
        assertEquals(List.of(event), recorder.of(b.connectionId()));
        assertEquals(List.of(), recorder.of(elsewhere.connectionId()));
    }

    @Test
    void aConnectionEventReachesThatConnectionOnly() {
        LiveConnection a = live(room);
        LiveConnection b = live(room);
        LiveEvent event = new LiveEvent.Signal(a.connectionId(), a.userId(), "offer", new SignalPayload("{\"sdp\":\"v=0\"}"));

        broadcaster.toConnection(b.connectionId(), event);
        settle();

        assertEquals(List.of(event), recorder.of(b.connectionId()));
        assertEquals(List.of(), recorder.of(a.connectionId()));
    }

    @Test
    void eventsToOneConnectionArriveInTheOrderTheyWereSent() {
        LiveConnection a = live(room);
        List<LiveEvent> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            LiveEvent event = new LiveEvent.PeerLeft(ConnectionId.newId(), UserId.newId());
            sent.add(event);
            broadcaster.toConnection(a.connectionId(), event);
        }
        settle();
        assertEquals(sent, recorder.of(a.connectionId()));
    }
}
