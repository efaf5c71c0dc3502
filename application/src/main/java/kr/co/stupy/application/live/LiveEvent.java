package kr.co.stupy.application.live;

import java.util.List;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.shared.UserId;

/**
 * What the server tells live connections. Adapters turn these into frames; after a
 * {@link Farewell} the connection is closed (the adapter picks the close code the contract gives it).
 */
public sealed interface LiveEvent {

    /** An event after which the connection may not stay open. */
    sealed interface Farewell extends LiveEvent {
    }

    /** Whether the connection closes after this event. */
    default boolean endsConnection() {
        return this instanceof Farewell;
    }

    record PeerJoined(LivePeer peer) implements LiveEvent {
    }

    record PeerLeft(ConnectionId connectionId, UserId userId) implements LiveEvent {
    }

    record ChatPosted(RoomMessage message) implements LiveEvent {
    }

    /** WebRTC signaling, relayed untouched; {@code payload} is whatever JSON object the sender gave. */
    record Signal(ConnectionId from, UserId fromUserId, String kind, SignalPayload payload) implements LiveEvent {
    }

    record StudyUpdate(List<LeaderboardEntry> leaderboard) implements LiveEvent {
    }

    record Kicked() implements Farewell {
    }

    /** The member left the room elsewhere, so this connection may not stay. */
    record Left() implements Farewell {
    }

    record RoomClosed() implements Farewell {
    }

    record Replaced() implements Farewell {
    }
}
