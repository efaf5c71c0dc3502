package kr.co.stupy.application.studytime.port.in;

import java.util.Optional;
import kr.co.stupy.shared.UserId;

/** A member's study time in a period: {@code studySeconds} includes the running session, {@code liveSeconds} is that session alone. */
public record LeaderboardEntry(UserId userId, String nickname, Optional<String> profileImage, long studySeconds,
                               boolean live, long liveSeconds) {
}
