package kr.co.stupy.application.live.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/**
 * The shared truth of who is live where: at most {@link #MAX_PER_ROOM} connections per room and one
 * connection per user across all rooms and nodes. Admission is one atomic step, so parallel
 * connects on any node never break either limit.
 */
public interface LivePresence {

    int MAX_PER_ROOM = 4;

    sealed interface Admission {
        /** In: {@code others} are the room's other connections, {@code replaced} the user's previous connection, if any. */
        record Admitted(List<LiveConnection> others, Optional<LiveConnection> replaced) implements Admission {
        }

        record RoomFull() implements Admission {
        }
    }

    /** Admits the connection, replacing the same user's connection wherever it is, unless the room is full. */
    Admission admit(LiveConnection connection);

    /** Removes a connection; empty when it was not present (already removed or replaced). */
    Optional<LiveConnection> remove(ConnectionId connectionId);

    Optional<LiveConnection> get(ConnectionId connectionId);

    Optional<LiveConnection> ofUser(UserId userId);

    /** The room's connections, oldest first. */
    List<LiveConnection> inRoom(RoomId roomId);

    /** Every live connection of every room (rankings add the running sessions of all of them). */
    List<LiveConnection> all();

    /**
     * Records the connection's new state (a break, a resumed study, another subject) and the session
     * it studies in now; empty when the connection is no longer present, and nothing is written then.
     */
    Optional<LiveConnection> changeState(ConnectionId connectionId, String sessionId, StudyState state);

    /** How many are live in each of the rooms (rooms with nobody are absent). */
    Map<RoomId, Integer> counts(Collection<RoomId> roomIds);

    /** Proves the connection is alive; false when it is not present. */
    boolean heartbeat(ConnectionId connectionId, Instant at);

    /**
     * Proves many connections alive at once (a node beats for all it holds in one go); returns
     * those that are present. A shared presence overrides it to take one round trip, not one each.
     */
    default Set<ConnectionId> heartbeatAll(Collection<ConnectionId> connectionIds, Instant at) {
        Set<ConnectionId> present = new HashSet<>();
        for (ConnectionId id : connectionIds) {
            if (heartbeat(id, at)) {
                present.add(id);
            }
        }
        return present;
    }

    /** Connections whose last heartbeat is older than {@code cutoff}: their node stopped. */
    List<LiveConnection> staleSince(Instant cutoff);

    /**
     * Puts back a connection its node still holds after the shared store forgot it (Redis restarted
     * empty), beating at {@code at}. Unlike {@link #admit} it never replaces anyone: false when the
     * user is live elsewhere by now or the room filled up meanwhile, and the node should close it.
     * A connection still present only beats.
     */
    default boolean restore(LiveConnection connection, Instant at) {
        if (get(connection.connectionId()).isEmpty()
                && (ofUser(connection.userId()).isPresent() || !(admit(connection) instanceof Admission.Admitted))) {
            return false;
        }
        return heartbeat(connection.connectionId(), at);
    }
}
