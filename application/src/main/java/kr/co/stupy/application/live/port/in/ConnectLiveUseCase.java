package kr.co.stupy.application.live.port.in;

import java.util.List;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LeaderboardEntry;
import kr.co.stupy.application.live.LiveMessage;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Opens a live connection with a ticket; the connection is a study session from here on. */
public interface ConnectLiveUseCase {

    sealed interface Outcome {
    }

    /** In: what the newcomer needs to start (the edge adds the room itself). */
    record Welcome(ConnectionId connectionId, RoomId roomId, UserId userId, List<LivePeer> peers,
                   List<LiveMessage> recentMessages, List<LeaderboardEntry> leaderboard) implements Outcome {
    }

    /** Out, with the WebSocket close code the contract names (4401 bad ticket, 4403 not allowed, 4429 full). */
    record Refused(int closeCode, String reason) implements Outcome {
    }

    Outcome connect(String ticket, ConnectionId connectionId, RoomId requestedRoom);
}
