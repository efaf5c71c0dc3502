package kr.co.stupy.application.live;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/** Someone live in the room, as the others see them: who, since when, and whether they study or rest, and what. */
public record LivePeer(ConnectionId connectionId, UserId userId, String nickname, Optional<String> profileImage, Instant since,
                       StudyState state) {

    /** A peer that has just arrived: studying with no subject. */
    public LivePeer(ConnectionId connectionId, UserId userId, String nickname, Optional<String> profileImage, Instant since) {
        this(connectionId, userId, nickname, profileImage, since, StudyState.studying(Optional.empty(), since));
    }

    public LivePeer {
        Objects.requireNonNull(state, "state");
    }
}
