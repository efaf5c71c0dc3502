package kr.co.stupy.application.integration;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import kr.co.stupy.application.studytime.port.out.PublicProfiles;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.UserId;

/** Study time names the users it ranks as the identity context knows them: one read of every listed user at once. */
public final class PublicProfilesFromIdentity implements PublicProfiles {

    private final Users users;

    public PublicProfilesFromIdentity(Users users) {
        this.users = users;
    }

    @Override
    public Map<UserId, PublicProfile> of(Collection<UserId> ids) {
        Map<UserId, PublicProfile> profiles = new HashMap<>();
        if (ids.isEmpty()) {
            return profiles;
        }
        users.byIds(ids).forEach((id, user) -> profiles.put(id, new PublicProfile(user.nickname().value(), user.profileImage())));
        return profiles;
    }
}
