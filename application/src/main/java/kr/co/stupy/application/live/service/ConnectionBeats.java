package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase;
import kr.co.stupy.studytime.StudyRules;

/**
 * Proves this node's live connections alive, always in batches: the periodic beat of all of them,
 * and the beats of those whose clients pinged, each one write to presence and one to the ledger
 * however many connections there are. A client that pings more often than {@link #PING_BEAT_GAP}
 * is answered from the beat already written, so whatever it sends, its connection costs at most
 * one ping-driven write per gap.
 */
final class ConnectionBeats {

    /** A ping waiting for the next flush: when it came, and who waits for its beat to be written. */
    private record Ping(Instant at, CompletableFuture<Void> written) {
    }

    /**
     * A ping within this long of the connection's last written beat is answered without another
     * write. Longer than the periodic beat's interval, so while those beats keep coming (every 15 s
     * for every held connection) a ping writes nothing: an idle node then costs one batch of writes
     * per interval, not a second one driven by its clients' pings. A ping writes only when the
     * periodic beats fell behind, and it still proves its connection alive then.
     */
    static final Duration PING_BEAT_GAP = StudyRules.HEARTBEAT_INTERVAL.plusSeconds(5);

    private final Map<ConnectionId, LiveConnection> held;
    /** When each held connection's beat was last written (admission counts: presence and ledger start with it). */
    private final Map<ConnectionId, Instant> lastBeat = new ConcurrentHashMap<>();
    private final LivePresence presence;
    private final StudySessionsUseCase sessions;
    private final Clock clock;
    /** Connections that pinged since the last flush, with their first ping. */
    private final Map<ConnectionId, Ping> pings = new ConcurrentHashMap<>();

    /** {@code held}: the connections this node holds, as the service keeps them. */
    ConnectionBeats(Map<ConnectionId, LiveConnection> held, LivePresence presence, StudySessionsUseCase sessions, Clock clock) {
        this.held = held;
        this.presence = presence;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The connection was admitted at {@code at}: that is its first beat. */
    void admitted(ConnectionId connectionId, Instant at) {
        lastBeat.put(connectionId, at);
    }

    int beatAll() {
        return beat(List.copyOf(held.values()), clock.instant(), true);
    }

    CompletableFuture<Void> pinged(ConnectionId connectionId) {
        if (!held.containsKey(connectionId)) {
            return CompletableFuture.completedFuture(null);
        }
        Instant now = clock.instant();
        Instant last = lastBeat.get(connectionId);
        if (last != null && Duration.between(last, now).compareTo(PING_BEAT_GAP) < 0) {
            // Beaten moments ago: that beat is kept, so the pong owes nothing more.
            return CompletableFuture.completedFuture(null);
        }
        return pings.computeIfAbsent(connectionId, id -> new Ping(clock.instant(), new CompletableFuture<>())).written();
    }

    int flushPings() {
        List<Ping> batch = new ArrayList<>();
        List<LiveConnection> due = new ArrayList<>();
        for (ConnectionId id : List.copyOf(pings.keySet())) {
            Ping ping = pings.remove(id);
            if (ping != null) {
                batch.add(ping);
                Optional.ofNullable(held.get(id)).ifPresent(due::add);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        // One instant for the batch: the earliest ping, so no session is ever credited past a beat it gave.
        Instant earliest = batch.stream().map(Ping::at).min(Instant::compareTo).orElseThrow();
        try {
            int present = beat(due, earliest, false);
            batch.forEach(ping -> ping.written().complete(null));
            return present;
        } catch (RuntimeException e) {
            batch.forEach(ping -> ping.written().completeExceptionally(e));
            throw e;
        }
    }

    /** The connection closed: a ping still waiting is answered, there is nothing left to beat. */
    void forget(ConnectionId connectionId) {
        Optional.ofNullable(pings.remove(connectionId)).ifPresent(ping -> ping.written().complete(null));
        lastBeat.remove(connectionId);
    }

    /** {@code everyHeld}: the connections are all this node holds, so the ledger may write the beat as one node-wide record. */
    private int beat(List<LiveConnection> connections, Instant at, boolean everyHeld) {
        if (connections.isEmpty() && !everyHeld) {
            return 0;
        }
        Set<ConnectionId> present = connections.isEmpty() ? Set.of()
                : presence.heartbeatAll(connections.stream().map(LiveConnection::connectionId).toList(), at);
        // A connection on a break has no session running: the one its break ended takes no more beats.
        List<String> beaten = connections.stream().filter(c -> present.contains(c.connectionId()) && c.state().studying())
                .map(LiveConnection::sessionId).toList();
        // Even with nothing held the node-wide beat is written: it tells the ledger to stop beating what this node let go.
        sessions.beat(new StudySessionsUseCase.Beat(beaten, at, everyHeld));
        // Only a connection still held is remembered: one that closed meanwhile must not come back here.
        present.forEach(id -> lastBeat.computeIfPresent(id, (k, previous) -> previous.isAfter(at) ? previous : at));
        return present.size();
    }
}
