package kr.co.stupy.application.live;

import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/** Someone live in the room, as the others see them. */
public record LivePeer(ConnectionId connectionId, UserId userId, String nickname, Optional<String> profileImage, Instant since) {
}
