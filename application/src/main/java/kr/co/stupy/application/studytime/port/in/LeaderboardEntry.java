package kr.co.stupy.application.studytime.port.in;

import java.util.Optional;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/**
 * A member's study time in a period: {@code studySeconds} includes the running session, {@code liveSeconds} is
 * that session's part of it (never more), both computed at one instant. {@code state}: what a live member
 * does now (studying or on a break, the subject); empty when not live.
 */
public record LeaderboardEntry(UserId userId, String nickname, Optional<String> profileImage, long studySeconds,
                               boolean live, long liveSeconds, Optional<StudyState> state) {

    public LeaderboardEntry(UserId userId, String nickname, Optional<String> profileImage, long studySeconds, boolean live,
                            long liveSeconds) {
        this(userId, nickname, profileImage, studySeconds, live, liveSeconds, Optional.empty());
    }

    public LeaderboardEntry {
        state = state == null ? Optional.empty() : state;
        if (liveSeconds > studySeconds || liveSeconds < 0) {
            throw new IllegalArgumentException("the running session is part of the study time, never more");
        }
    }
}
