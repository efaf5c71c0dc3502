package kr.co.stupy.application.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

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

    /** A live member took a break, came back, or named another subject. */
    record PeerStatus(ConnectionId connectionId, UserId userId, StudyState state) implements LiveEvent {
    }

    /**
     * The room's pomodoro as it stands: the phase that holds at {@code serverTime}; both empty once
     * it stopped. Each node tells its own connections, on start, stop and every phase change.
     */
    record PomodoroUpdate(Optional<Pomodoro> pomodoro, Optional<Pomodoro.Phase> phase, Instant serverTime) implements LiveEvent {
        public PomodoroUpdate {
            java.util.Objects.requireNonNull(pomodoro, "pomodoro");
            java.util.Objects.requireNonNull(phase, "phase");
            java.util.Objects.requireNonNull(serverTime, "serverTime");
            if (pomodoro.isPresent() != phase.isPresent()) {
                throw new IllegalArgumentException("a running pomodoro has a phase, a stopped one none");
            }
        }

        public static PomodoroUpdate of(Optional<Pomodoro> pomodoro, Instant at) {
            return new PomodoroUpdate(pomodoro, pomodoro.map(p -> p.phaseAt(at)), at);
        }
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
