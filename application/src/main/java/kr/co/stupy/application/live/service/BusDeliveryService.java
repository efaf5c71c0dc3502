package kr.co.stupy.application.live.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.port.out.LocalConnections;

/**
 * The receiving end of a shared bus on one node: events go to the WebSocket edge. After an outage
 * this node's connections are put back into presence, and the few that cannot be (the user went
 * live elsewhere, the room filled) are closed, because presence no longer counts them; the others
 * are told what they missed while the bus was away.
 */
public final class BusDeliveryService implements DeliverLiveEventUseCase {

    /**
     * How long after the bus is back the catch-up waits. When the shared store came back empty,
     * every node puts its own connections back as its own subscription returns (each within about
     * two seconds); a catch-up before they all have would take their connections for gone.
     */
    public static final Duration SETTLE = Duration.ofSeconds(5);

    private final LocalConnections connections;
    private final BusRecovery recovery;
    private final ClientViews views;
    /**
     * Deliveries share it; a catch-up holds it alone from reading presence to sending what it found,
     * so a departure delivered meanwhile cannot be followed by a stale arrival of the same peer.
     */
    private final ReadWriteLock catchingUp = new ReentrantReadWriteLock();
    private final Duration settle;

    BusDeliveryService(LocalConnections connections, BusRecovery recovery, ClientViews views, Duration settle) {
        this.connections = connections;
        this.recovery = recovery;
        this.views = views;
        this.settle = settle;
    }

    @Override
    public void deliver(ConnectionId connectionId, LiveEvent event) {
        deliver(List.of(connectionId), event);
    }

    @Override
    public void deliver(List<ConnectionId> connectionIds, LiveEvent event) {
        catchingUp.readLock().lock();
        try {
            send(connectionIds, event);
        } finally {
            catchingUp.readLock().unlock();
        }
    }

    @Override
    public void busReconnected() {
        for (LiveConnection lost : recovery.restoreHeldConnections()) {
            // The closest contract event: this seat went to someone else while the bus was away.
            deliver(lost.connectionId(), new LiveEvent.Replaced());
        }
        try {
            Thread.sleep(settle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        catchingUp.writeLock().lock();
        try {
            recovery.missedWhileTheBusWasAway().forEach(owed -> send(List.of(owed.to()), owed.event()));
        } finally {
            catchingUp.writeLock().unlock();
        }
    }

    private void send(List<ConnectionId> connectionIds, LiveEvent event) {
        for (ConnectionId delivered : connections.deliver(connectionIds, event)) {
            views.sent(delivered, event);
        }
    }
}
