package kr.co.stupy.application.live;

import java.util.List;
import kr.co.stupy.shared.UserId;

/**
 * What the server tells live connections. Adapters turn these into frames; the ones that end a
 * connection name the close code the contract gives them.
 */
public sealed interface LiveEvent {

    /** The close code that follows this event, or 0 when the connection stays open. */
    default int closeCode() {
        return 0;
    }

    record PeerJoined(LivePeer peer) implements LiveEvent {
    }

    record PeerLeft(ConnectionId connectionId, UserId userId) implements LiveEvent {
    }

    record ChatPosted(LiveMessage message) implements LiveEvent {
    }

    /** WebRTC signaling, relayed untouched; {@code payload} is whatever JSON object the sender gave. */
    record Signal(ConnectionId from, UserId fromUserId, String kind, SignalPayload payload) implements LiveEvent {
    }

    record StudyUpdate(List<LeaderboardEntry> leaderboard) implements LiveEvent {
    }

    record Kicked() implements LiveEvent {
        @Override
        public int closeCode() {
            return 4403;
        }
    }

    /** The member left the room elsewhere, so this connection may not stay. */
    record Left() implements LiveEvent {
        @Override
        public int closeCode() {
            return 4403;
        }
    }

    record RoomClosed() implements LiveEvent {
        @Override
        public int closeCode() {
            return 4404;
        }
    }

    record Replaced() implements LiveEvent {
        @Override
        public int closeCode() {
            return 4409;
        }
    }
}
