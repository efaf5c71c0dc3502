package kr.co.stupy.application.live.service;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.chat.port.in.RecentMessagesQuery;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/**
 * What each connection held by this node has been told: its peers, and the newest chat messages.
 * Events cross a shared bus at most once, so while this node's subscription is broken, what others
 * publish for its connections is gone; once the bus is back, this is what the node compares with
 * presence and the chat log to tell each connection what it missed.
 */
final class ClientViews {

    /** As many message ids as a catch-up ever looks at, and then some. */
    static final int REMEMBERED_MESSAGES = 2 * RecentMessagesQuery.RECENT;

    private final Map<ConnectionId, View> views = new ConcurrentHashMap<>();

    /**
     * What a connection knows: peer connections with their users, the state it was last told of each
     * connection in the room (its own included), and the ids of the messages it was sent.
     */
    record Snapshot(Map<ConnectionId, UserId> peers, Map<ConnectionId, StudyState> states, Set<String> messageIds) {
    }

    void welcomed(ConnectionId connection, StudyState own, List<LivePeer> peers, List<RoomMessage> recent) {
        View view = views.computeIfAbsent(connection, id -> new View());
        view.state(connection, own);
        peers.forEach(peer -> {
            view.joined(peer.connectionId(), peer.userId());
            view.state(peer.connectionId(), peer.state());
        });
        // Recent messages come newest first; remember them oldest first, as they were written.
        recent.reversed().forEach(message -> view.sent(message.message().id()));
    }

    void sent(ConnectionId connection, LiveEvent event) {
        switch (event) {
            case LiveEvent.PeerJoined joined -> {
                view(connection).joined(joined.peer().connectionId(), joined.peer().userId());
                view(connection).state(joined.peer().connectionId(), joined.peer().state());
            }
            case LiveEvent.PeerStatus status -> view(connection).state(status.connectionId(), status.state());
            case LiveEvent.PeerLeft left -> view(connection).left(left.connectionId());
            case LiveEvent.ChatPosted posted -> view(connection).sent(posted.message().message().id());
            default -> {
                if (event.endsConnection()) {
                    forget(connection);
                }
            }
        }
    }

    Optional<Snapshot> of(ConnectionId connection) {
        return Optional.ofNullable(views.get(connection)).map(View::snapshot);
    }

    void forget(ConnectionId connection) {
        views.remove(connection);
    }

    private View view(ConnectionId connection) {
        return views.computeIfAbsent(connection, id -> new View());
    }

    private static final class View {
        private final Map<ConnectionId, UserId> peers = new HashMap<>();
        private final Map<ConnectionId, StudyState> states = new HashMap<>();
        private final LinkedHashSet<String> messageIds = new LinkedHashSet<>();

        synchronized void joined(ConnectionId peer, UserId user) {
            peers.put(peer, user);
        }

        synchronized void left(ConnectionId peer) {
            peers.remove(peer);
            states.remove(peer);
        }

        synchronized void state(ConnectionId connection, StudyState state) {
            states.put(connection, state);
        }

        synchronized void sent(String messageId) {
            messageIds.remove(messageId);
            messageIds.add(messageId);
            if (messageIds.size() > REMEMBERED_MESSAGES) {
                messageIds.removeFirst();
            }
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(Map.copyOf(peers), Map.copyOf(states), Set.copyOf(messageIds));
        }
    }
}
