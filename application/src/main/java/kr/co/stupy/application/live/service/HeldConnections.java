package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The connection closed: everything this node knew of it goes. */
    void release(ConnectionId connectionId) {
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
