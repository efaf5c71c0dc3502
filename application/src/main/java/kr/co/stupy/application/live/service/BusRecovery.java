package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.chat.port.in.RecentMessagesQuery;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * What this node does when its shared bus comes back: it puts its connections back into a presence
 * that may have forgotten them, and works out what each missed while the bus was away.
 */
final class BusRecovery {

    private final LivePresence presence;
    private final StudySessionsUseCase sessions;
    private final RecentMessagesQuery recentMessages;
    private final Users users;
    private final HeldConnections held;
    private final RoomAnnouncer announcer;
    private final Clock clock;

    BusRecovery(LiveServices.Dependencies needs, HeldConnections held, RoomAnnouncer announcer) {
        this.presence = needs.presence();
        this.sessions = needs.sessions();
        this.recentMessages = needs.recentMessages();
        this.users = needs.users();
        this.clock = needs.clock();
        this.held = held;
        this.announcer = announcer;
    }

    /** An event owed to one connection this node holds. */
    record Owed(ConnectionId to, LiveEvent event) {
    }

    /**
     * After the shared presence lost its memory (Redis restarted empty), puts back every connection
     * this node still holds, beating now so no reaper takes them for dead. Returns those that could
     * not be put back: their user went live elsewhere or their room filled meanwhile.
     */
    List<LiveConnection> restoreHeldConnections() {
        Instant now = clock.instant();
        List<LiveConnection> lost = new ArrayList<>();
        for (LiveConnection connection : held.all()) {
            if (presence.restore(connection, now)) {
                if (connection.state().studying()) {
                    sessions.beat(StudySessionsUseCase.Beat.some(List.of(connection.sessionId()), now));
                }
            } else if (held.drop(connection.connectionId())) {
                lost.add(connection);
            }
        }
        return lost;
    }

    /**
     * After this node's subscription to the shared bus broke and came back: what each connection it
     * holds missed meanwhile, from presence and the chat log against what the connection was told.
     * Peers that left, peers that came, messages it never got (oldest first), and the day's board.
     */
    List<Owed> missedWhileTheBusWasAway() {
        Map<RoomId, RoomNow> rooms = new HashMap<>();
        List<Owed> owed = new ArrayList<>();
        for (LiveConnection connection : held.all()) {
            Optional<ClientViews.Snapshot> known = held.views().of(connection.connectionId());
            if (known.isPresent()) {
                owedTo(connection.connectionId(), known.get(), rooms.computeIfAbsent(connection.roomId(), this::roomNow), owed);
            }
        }
        return owed;
    }

    private static void owedTo(ConnectionId to, ClientViews.Snapshot known, RoomNow now, List<Owed> owed) {
        known.peers().forEach((peer, user) -> {
            if (!now.live().containsKey(peer)) {
                owed.add(new Owed(to, new LiveEvent.PeerLeft(peer, user)));
            }
        });
        now.live().forEach((peer, livePeer) -> {
            if (!peer.equals(to) && !known.peers().containsKey(peer)) {
                owed.add(new Owed(to, new LiveEvent.PeerJoined(livePeer)));
            } else if (known.states().containsKey(peer) && !known.states().get(peer).equals(livePeer.state())) {
                owed.add(new Owed(to, new LiveEvent.PeerStatus(peer, livePeer.userId(), livePeer.state())));
            }
        });
        now.recent().stream().filter(message -> !known.messageIds().contains(message.message().id()))
                .forEach(message -> owed.add(new Owed(to, new LiveEvent.ChatPosted(message))));
        now.board().ifPresent(board -> owed.add(new Owed(to, new LiveEvent.StudyUpdate(board))));
    }

    /** A room as it is now: who is live, its latest messages oldest first, the day's board. */
    private record RoomNow(Map<ConnectionId, LivePeer> live, List<RoomMessage> recent, Optional<List<LeaderboardEntry>> board) {
    }

    private RoomNow roomNow(RoomId roomId) {
        List<LiveConnection> live = presence.inRoom(roomId);
        Map<UserId, User> people = users.byIds(live.stream().map(LiveConnection::userId).toList());
        Map<ConnectionId, LivePeer> peers = new HashMap<>();
        live.forEach(c -> peers.put(c.connectionId(), RoomAnnouncer.peer(c, people.get(c.userId()))));
        return new RoomNow(peers, recentMessages.recentMessages(roomId).reversed(), announcer.todayBoard(roomId));
    }
}
