package kr.co.stupy.application.rooms.port.in;

import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/** A member as the other members see them. {@code profileImage} is an image-store key or a provider URL. */
public record MemberView(UserId userId, String nickname, Optional<String> profileImage, boolean owner, Instant joinedAt) {
}
