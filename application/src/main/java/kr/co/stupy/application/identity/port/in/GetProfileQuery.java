package kr.co.stupy.application.identity.port.in;

import kr.co.stupy.shared.UserId;

public interface GetProfileQuery {
    UserProfile profile(UserId userId);
}
