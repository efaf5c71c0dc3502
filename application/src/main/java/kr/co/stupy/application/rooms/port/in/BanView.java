package kr.co.stupy.application.rooms.port.in;

import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/** A banned user as the owner sees them. */
public record BanView(UserId userId, String nickname, Optional<String> profileImage, Instant bannedAt) {
}
