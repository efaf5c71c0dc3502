package kr.co.stupy.application.identity.service;

import java.util.Optional;
import kr.co.stupy.application.identity.port.in.ChangeProfileImageUseCase;
import kr.co.stupy.application.identity.port.in.GetProfileQuery;
import kr.co.stupy.application.identity.port.in.UpdateProfileUseCase;
import kr.co.stupy.application.identity.port.in.UserProfile;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.UserId;

public final class ProfileService implements GetProfileQuery, UpdateProfileUseCase, ChangeProfileImageUseCase {

    private final Users users;
    private final ImageStore images;
    private final RoomMemberships memberships;

    public ProfileService(Users users, ImageStore images, RoomMemberships memberships) {
        this.users = users;
        this.images = images;
        this.memberships = memberships;
    }

    @Override
    public UserProfile profile(UserId userId) {
        return toProfile(load(userId));
    }

    @Override
    public UserProfile update(UpdateProfileCommand command) {
        User user = load(command.userId());
        User changed = command.nickname().map(user::rename).orElse(user);
        if (command.clearEmail()) {
            changed = changed.changeEmail(Optional.empty());
        } else if (command.email().isPresent()) {
            changed = changed.changeEmail(command.email());
        }
        if (!users.update(changed)) {
            throw IdentityErrors.unauthenticated();
        }
        return toProfile(changed);
    }

    @Override
    public UserProfile changeImage(UserId userId, ImageUpload image) {
        User user = load(userId);
        String key = images.store(image);
        User changed = user.changeProfileImage(Optional.of(key));
        if (!users.update(changed)) {
            images.delete(key);
            throw IdentityErrors.unauthenticated();
        }
        user.profileImage().filter(StoredImages::isStoredKey).ifPresent(images::delete);
        return toProfile(changed);
    }

    private User load(UserId userId) {
        return users.byId(userId).orElseThrow(IdentityErrors::unauthenticated);
    }

    private UserProfile toProfile(User user) {
        return new UserProfile(user, memberships.roomsOf(user.id()));
    }
}
