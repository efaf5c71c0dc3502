package kr.co.stupy.application.live.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Presence of a single node, in memory. One lock makes admission atomic; live rooms are tiny, so it never contends for long. */
public final class InProcessPresence implements LivePresence {

    private final Map<ConnectionId, LiveConnection> connections = new LinkedHashMap<>();
    private final Map<ConnectionId, Instant> heartbeats = new HashMap<>();

    @Override
    public synchronized Admission admit(LiveConnection connection) {
        Optional<LiveConnection> previous = ofUser(connection.userId());
        long others = connections.values().stream()
                .filter(c -> c.roomId().equals(connection.roomId()) && !c.userId().equals(connection.userId()))
                .count();
        if (others >= MAX_PER_ROOM) {
            return new Admission.RoomFull();
        }
        previous.ifPresent(p -> remove(p.connectionId()));
        List<LiveConnection> roommates = inRoom(connection.roomId());
        connections.put(connection.connectionId(), connection);
        heartbeats.put(connection.connectionId(), connection.since());
        return new Admission.Admitted(roommates, previous);
    }

    @Override
    public synchronized Optional<LiveConnection> remove(ConnectionId connectionId) {
        heartbeats.remove(connectionId);
        return Optional.ofNullable(connections.remove(connectionId));
    }

    @Override
    public synchronized Optional<LiveConnection> get(ConnectionId connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    @Override
    public synchronized Optional<LiveConnection> ofUser(UserId userId) {
        return connections.values().stream().filter(c -> c.userId().equals(userId)).findFirst();
    }

    @Override
    public synchronized List<LiveConnection> inRoom(RoomId roomId) {
        return connections.values().stream().filter(c -> c.roomId().equals(roomId))
                .sorted(Comparator.comparing(LiveConnection::since)).toList();
    }

    @Override
    public synchronized Map<RoomId, Integer> counts(Collection<RoomId> roomIds) {
        Map<RoomId, Integer> counts = new HashMap<>();
        connections.values().stream().filter(c -> roomIds.contains(c.roomId()))
                .forEach(c -> counts.merge(c.roomId(), 1, Integer::sum));
        return counts;
    }

    @Override
    public synchronized boolean heartbeat(ConnectionId connectionId, Instant at) {
        if (!connections.containsKey(connectionId)) {
            return false;
        }
        heartbeats.merge(connectionId, at, (old, now) -> now.isAfter(old) ? now : old);
        return true;
    }

    @Override
    public synchronized List<LiveConnection> staleSince(Instant cutoff) {
        List<LiveConnection> stale = new ArrayList<>();
        heartbeats.forEach((id, beat) -> {
            if (beat.isBefore(cutoff)) {
                stale.add(connections.get(id));
            }
        });
        return stale;
    }
}
