package kr.co.stupy.application.live.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/** Opens a live connection with a ticket; the connection is a study session from here on. */
public interface ConnectLiveUseCase {

    /** A socket asks to join {@code roomId} with a ticket; {@code connectionId} names it from now on. */
    record ConnectLive(String ticket, ConnectionId connectionId, RoomId roomId) {
        public ConnectLive {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(roomId, "roomId");
        }
    }

    sealed interface Outcome {
    }

    /**
     * In: what the newcomer needs to start (the edge adds the room itself); {@code state} is the
     * newcomer's own (studying with no subject, or on a break when it arrives in the room pomodoro's
     * break), {@code pomodoro} the room's as it stands, {@code serverTime} the server's clock as it answers.
     */
    record Welcome(ConnectionId connectionId, RoomId roomId, UserId userId, List<LivePeer> peers,
                   List<RoomMessage> recentMessages, List<LeaderboardEntry> leaderboard, StudyState state,
                   LiveEvent.PomodoroUpdate pomodoro, Instant serverTime) implements Outcome {
        public Welcome {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(pomodoro, "pomodoro");
            Objects.requireNonNull(serverTime, "serverTime");
        }
    }

    /** Why a connection was turned away; the edge says it in its own terms (a close code). */
    enum Refusal {
        /** The ticket is unknown, used, expired or for another room. */
        BAD_TICKET,
        /** The user is no longer a member of the room. */
        NOT_MEMBER,
        /** The room already has as many people live as it may. */
        ROOM_FULL
    }

    /** Out, with why and a sentence saying it. */
    record Refused(Refusal refusal, String reason) implements Outcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(reason, "reason");
        }
    }

    Outcome connect(ConnectLive command);
}
