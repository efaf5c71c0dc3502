package kr.co.stupy.application.live.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/**
 * Presence of a single node, in memory. One lock makes admission atomic; every look-up is by key
 * (connection, room, user), so a chat among 10,000 live connections reads four entries, not all.
 */
public final class InProcessPresence implements LivePresence {

    private final Map<ConnectionId, LiveConnection> connections = new HashMap<>();
    private final Map<ConnectionId, Instant> heartbeats = new HashMap<>();
    /** Each room's connections (at most a handful). */
    private final Map<RoomId, Map<ConnectionId, LiveConnection>> rooms = new HashMap<>();
    private final Map<UserId, ConnectionId> users = new HashMap<>();

    @Override
    public synchronized Admission admit(LiveConnection connection) {
        Optional<LiveConnection> previous = ofUser(connection.userId());
        long others = inRoom(connection.roomId()).stream().filter(c -> !c.userId().equals(connection.userId())).count();
        if (others >= MAX_PER_ROOM) {
            return new Admission.RoomFull();
        }
        previous.ifPresent(p -> remove(p.connectionId()));
        List<LiveConnection> roommates = inRoom(connection.roomId());
        connections.put(connection.connectionId(), connection);
        heartbeats.put(connection.connectionId(), connection.since());
        rooms.computeIfAbsent(connection.roomId(), r -> new HashMap<>()).put(connection.connectionId(), connection);
        users.put(connection.userId(), connection.connectionId());
        return new Admission.Admitted(roommates, previous);
    }

    @Override
    public synchronized Optional<LiveConnection> remove(ConnectionId connectionId) {
        heartbeats.remove(connectionId);
        LiveConnection gone = connections.remove(connectionId);
        if (gone != null) {
            Map<ConnectionId, LiveConnection> room = rooms.get(gone.roomId());
            room.remove(connectionId);
            if (room.isEmpty()) {
                rooms.remove(gone.roomId());
            }
            users.remove(gone.userId(), connectionId);
        }
        return Optional.ofNullable(gone);
    }

    @Override
    public synchronized Optional<LiveConnection> get(ConnectionId connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    @Override
    public synchronized Optional<LiveConnection> ofUser(UserId userId) {
        ConnectionId id = users.get(userId);
        return id == null ? Optional.empty() : Optional.ofNullable(connections.get(id));
    }

    @Override
    public synchronized List<LiveConnection> inRoom(RoomId roomId) {
        Map<ConnectionId, LiveConnection> room = rooms.get(roomId);
        return room == null ? List.of() : room.values().stream().sorted(Comparator.comparing(LiveConnection::since)).toList();
    }

    @Override
    public synchronized List<LiveConnection> all() {
        return List.copyOf(connections.values());
    }

    @Override
    public synchronized Optional<LiveConnection> changeState(ConnectionId connectionId, String sessionId, StudyState state) {
        LiveConnection present = connections.get(connectionId);
        if (present == null) {
            return Optional.empty();
        }
        LiveConnection changed = present.withState(sessionId, state);
        connections.put(connectionId, changed);
        rooms.get(changed.roomId()).put(connectionId, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized Map<RoomId, Integer> counts(Collection<RoomId> roomIds) {
        Map<RoomId, Integer> counts = new HashMap<>();
        for (RoomId roomId : roomIds) {
            Map<ConnectionId, LiveConnection> room = rooms.get(roomId);
            if (room != null) {
                counts.put(roomId, room.size());
            }
        }
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
