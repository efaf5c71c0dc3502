package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;

/**
 * The connections this node admitted and still holds, with what it knows about each: so it can put
 * them back if a shared presence forgets them, tell them what a broken bus lost, and name their
 * chat without a look-up. Presence (every node's truth) is elsewhere; this is the node's own memory.
 */
final class HeldConnections {

    private final Map<ConnectionId, LiveConnection> held = new ConcurrentHashMap<>();
    /** One lock per connection: its frames and this node's pomodoro clock change its state one at a time. */
    private final Map<ConnectionId, Object> locks = new ConcurrentHashMap<>();
    /** Connections the room's pomodoro put on a break: they study again at the next focus. */
    private final Set<ConnectionId> pausedByPomodoro = ConcurrentHashMap.newKeySet();
    /** What each of those connections has been told, to make up for what a broken bus lost. */
    private final ClientViews views = new ClientViews();
    /** The nicknames put on chat from this node's connections, so a message costs no user look-up. */
    private final AuthorNames authors;

    HeldConnections(Users users, Clock clock) {
        this.authors = new AuthorNames(users, clock);
    }

    void admitted(LiveConnection connection, User user) {
        held.put(connection.connectionId(), connection);
        authors.remember(connection.userId(), user);
    }

    /** The connection's new state, if this node still holds it (a connection that closed meanwhile stays gone). */
    void changed(LiveConnection connection) {
        held.computeIfPresent(connection.connectionId(), (id, old) -> connection);
    }

    Optional<LiveConnection> get(ConnectionId connectionId) {
        return Optional.ofNullable(held.get(connectionId));
    }

    List<LiveConnection> all() {
        return List.copyOf(held.values());
    }

    /** Forgets the connection, which stays in presence (it could not be put back there). */
    boolean drop(ConnectionId connectionId) {
        return held.remove(connectionId) != null;
    }

    Object lockOf(ConnectionId connectionId) {
        return locks.computeIfAbsent(connectionId, id -> new Object());
    }

    /** Whether the room's pomodoro (not the member) put the connection on its break; {@code paused} records it. */
    boolean pausedByPomodoro(ConnectionId connectionId) {
        return pausedByPomodoro.contains(connectionId);
    }

    void pausedByPomodoro(ConnectionId connectionId, boolean paused) {
        if (paused) {
            pausedByPomodoro.add(connectionId);
        } else {
            pausedByPomodoro.remove(connectionId);
        }
    }

    /** The connection closed: everything this node knew of it goes. */
    void release(ConnectionId connectionId) {
        locks.remove(connectionId);
        pausedByPomodoro.remove(connectionId);
        LiveConnection released = held.remove(connectionId);
        if (released != null) {
            authors.forget(released.userId());
        }
        views.forget(connectionId);
    }

    ClientViews views() {
        return views;
    }

    String nicknameOf(LiveConnection connection) {
        return authors.nicknameOf(connection.userId());
    }

    /** A live view of the held connections by id, for the batched beats (they read it, never change it). */
    Map<ConnectionId, LiveConnection> asMap() {
        return java.util.Collections.unmodifiableMap(held);
    }
}
