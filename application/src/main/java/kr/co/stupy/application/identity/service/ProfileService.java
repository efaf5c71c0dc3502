package kr.co.stupy.application.identity.service;

import java.time.Duration;
import java.time.Clock;
import java.util.Optional;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.application.identity.port.in.ChangeProfileImageUseCase;
import kr.co.stupy.application.identity.port.in.GetProfileQuery;
import kr.co.stupy.application.identity.port.in.UpdateProfileUseCase;
import kr.co.stupy.application.identity.port.in.UserProfile;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.identity.port.out.StudyGoals;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.identity.ProfileEdit;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.UserId;

/**
 * Profile changes without transactions. An edit writes only the fields it names, so a picture
 * uploaded meanwhile stays. A new picture is stored first and then swapped in only if the picture
 * the user had is still the one we saw (compare-and-set); whoever wins a swap deletes exactly the
 * picture it replaced, and a request that finds the user gone deletes its own. So parallel uploads
 * never leave a picture nobody uses, nor delete the one in use.
 */
public final class ProfileService implements GetProfileQuery, UpdateProfileUseCase, ChangeProfileImageUseCase {

    /** Each lost swap means another upload won meanwhile; this many in a row means a flood. */
    private static final int MAX_SWAP_ATTEMPTS = 50;

    private final Users users;
    private final ImageStore images;
    private final RoomMemberships memberships;
    private final StudyGoals goals;
    private final RateLimits limits;
    private final Budget uploads;

    /** Profiles with no upload budget: the profile rules alone. */
    public ProfileService(Users users, ImageStore images, RoomMemberships memberships, StudyGoals goals) {
        this(users, images, memberships, goals, new InProcessRateLimits(Clock.systemUTC()), new Budgets(java.util.Map.of(
                Budgets.UPLOAD_PER_USER.name(), Budget.unlimited(Budgets.UPLOAD_PER_USER.name()))));
    }

    /** {@code limits}: where the per-user upload budget is kept (shared by every node when there are many). */
    public ProfileService(Users users, ImageStore images, RoomMemberships memberships, StudyGoals goals, RateLimits limits,
                          Budgets budgets) {
        this.users = users;
        this.images = images;
        this.memberships = memberships;
        this.goals = goals;
        this.limits = limits;
        this.uploads = budgets.of(Budgets.UPLOAD_PER_USER);
    }

    @Override
    public UserProfile profile(UserId userId) {
        return toProfile(load(userId));
    }

    @Override
    public UserProfile update(UpdateProfileCommand command) {
        ProfileEdit edit = new ProfileEdit(command.nickname(), command.email(), command.clearEmail());
        User changed = users.edit(command.userId(), edit).orElseThrow(IdentityErrors::unauthenticated);
        return toProfile(changed);
    }

    @Override
    public UserProfile changeImage(UserId userId, ImageUpload image) {
        limits.require(uploads, userId.value(), "picture uploads");
        Optional<String> seen = load(userId).profileImage();
        String key = images.store(image);
        boolean swapped = false;
        try {
            for (int attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
                Optional<User> changed = users.replaceProfileImage(userId, seen, Optional.of(key));
                if (changed.isPresent()) {
                    swapped = true;
                    seen.filter(StoredImages::isStoredKey).ifPresent(images::delete);
                    return toProfile(changed.get());
                }
                // Another upload won meanwhile (this one is newer, so it replaces that one), or the user is gone.
                seen = load(userId).profileImage();
            }
            throw RetryLaterException.busy("the picture is being changed by many requests at once", Duration.ofSeconds(1));
        } finally {
            if (!swapped) {
                images.delete(key);
            }
        }
    }

    private User load(UserId userId) {
        return users.byId(userId).orElseThrow(IdentityErrors::unauthenticated);
    }

    private UserProfile toProfile(User user) {
        return new UserProfile(user, memberships.roomsOf(user.id()), goals.dailyGoalMinutesOf(user.id()));
    }
}
