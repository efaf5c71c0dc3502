package kr.co.stupy.application.studytime.port.out;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.UserId;

/** What everyone may see of a user (a ranking lists them): the nickname and the picture, kept by the identity context. */
public interface PublicProfiles {

    /** The profiles of those of {@code users} that still have an account; a deleted account is absent. */
    Map<UserId, PublicProfile> of(Collection<UserId> users);

    record PublicProfile(String nickname, Optional<String> profileImage) {
        public PublicProfile {
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(profileImage, "profileImage");
        }
    }
}
