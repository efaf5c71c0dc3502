package kr.co.stupy.application.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kr.co.stupy.application.identity.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.image.InMemoryImageStore;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profile changes that really race. Every read of a user takes a few milliseconds here, as a
 * database read does, so requests that start together all read before any of them writes.
 */
class ProfileRacesTest {

    private static final int ROUNDS = 20;

    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryImageStore images = new InMemoryImageStore();
    final RoomMemberships memberships = userId -> List.of();
    final ProfileService profiles = new ProfileService(users, images, memberships, userId -> OptionalInt.empty());
    final AccountDeletionService deletion = new AccountDeletionService(users, images, List.of());

    @BeforeEach
    void readsTakeTime() {
        users.onLookUp(() -> {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void aNicknameChangeAndAPictureUploadSentTogetherBothStay() {
        User kim = register("kim");
        for (int round = 0; round < ROUNDS; round++) {
            Nickname nickname = new Nickname("kim" + round);
            List<Optional<String>> uploaded = Parallel.run(2, i -> i == 0
                    ? rename(kim, nickname)
                    : profiles.changeImage(kim.id(), picture()).user().profileImage());

            User after = users.byId(kim.id()).orElseThrow();
            assertEquals(nickname, after.nickname(), "round " + round + ": the nickname change was lost");
            assertEquals(uploaded.get(1), after.profileImage(), "round " + round);
            assertTrue(images.contains(after.profileImage().orElseThrow()), "round " + round + ": the picture in use was deleted");
            assertEquals(1, images.size(), "round " + round + ": only the picture in use is kept");
        }
    }

    @Test
    void parallelUploadsLeaveOnlyThePictureInUse() {
        User park = register("park");
        for (int round = 0; round < ROUNDS; round++) {
            Parallel.run(3, i -> profiles.changeImage(park.id(), picture()));

            String inUse = users.byId(park.id()).orElseThrow().profileImage().orElseThrow();
            assertTrue(images.contains(inUse), "round " + round + ": the picture in use was deleted");
            assertEquals(1, images.size(), "round " + round + ": pictures no profile uses were left behind");
        }
    }

    @Test
    void anUploadRacingTheAccountsDeletionLeavesNoPicture() {
        for (int round = 0; round < ROUNDS; round++) {
            User lee = register("lee" + round);
            profiles.changeImage(lee.id(), picture());

            Parallel.run(2, i -> {
                if (i == 0) {
                    deletion.deleteAccount(lee.id());
                } else {
                    try {
                        profiles.changeImage(lee.id(), picture());
                    } catch (DomainException gone) {
                        assertEquals("UNAUTHENTICATED", gone.code());
                    }
                }
                return i;
            });

            assertTrue(users.byId(lee.id()).isEmpty());
            assertEquals(0, images.size(), "round " + round + ": a deleted account's picture was left behind");
        }
    }

    private Optional<String> rename(User user, Nickname nickname) {
        profiles.update(new UpdateProfileCommand(user.id(), Optional.of(nickname), Optional.empty(), false));
        return Optional.empty();
    }

    private User register(String name) {
        return users.registerIfAbsent(User.register(new LinkedAccount(Provider.DEV, name), new Nickname(name),
                Optional.empty(), Optional.empty(), Instant.now())).user();
    }

    private static ImageUpload picture() {
        return ImageUpload.of(AbstractImageStoreContract.PNG);
    }
}
