package kr.co.stupy.adapter.web.rooms;

import java.time.Instant;
import kr.co.stupy.adapter.web.image.ImageUrls;
import kr.co.stupy.application.rooms.port.in.BanView;

/** One banned user, as the owner's ban list shows it. */
public record BanResponse(String userId, String nickname, String profileImageUrl, Instant bannedAt) {
    static BanResponse of(BanView ban) {
        return new BanResponse(ban.userId().value(), ban.nickname(), ban.profileImage().map(ImageUrls::of).orElse(null),
                ban.bannedAt());
    }
}
