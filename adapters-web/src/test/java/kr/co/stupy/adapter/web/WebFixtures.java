package kr.co.stupy.adapter.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kr.co.stupy.application.identity.port.in.UserProfile;
import kr.co.stupy.application.image.TestImages;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Values the stubbed in-ports answer with. */
public final class WebFixtures {

    public static final Instant CREATED_AT = Instant.parse("2026-11-24T09:00:00Z");

    private WebFixtures() {
    }

    /** A user with a linked account at each of {@code providers}. */
    public static UserProfile profile(UserId id, String nickname, Optional<String> email, Optional<String> image,
                                      List<RoomId> joined, Provider... providers) {
        List<LinkedAccount> accounts = Arrays.stream(providers).map(p -> new LinkedAccount(p, p.key() + "-" + id.value())).toList();
        return new UserProfile(new User(id, new Nickname(nickname), email.map(Email::new), image, accounts, CREATED_AT), joined, OptionalInt.empty());
    }

    public static UserProfile profile(UserId id, String nickname) {
        return profile(id, nickname, Optional.empty(), Optional.empty(), List.of(), Provider.DEV);
    }

    /** The same profile with a daily study goal of {@code minutes}. */
    public static UserProfile withGoal(UserProfile profile, int minutes) {
        return new UserProfile(profile.user(), profile.joinedRoomIds(), OptionalInt.of(minutes));
    }

    /** The header of a 16 x 16 PNG: what the upload checks accept as a picture. */
    public static byte[] png() {
        return TestImages.png(16, 16);
    }
}
