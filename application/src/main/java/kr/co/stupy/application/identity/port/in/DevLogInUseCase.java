package kr.co.stupy.application.identity.port.in;

import kr.co.stupy.identity.Nickname;

/**
 * The nickname-only login for local use and tests. The name given is the dev account's identity,
 * like a provider account id; it is offered only while enabled (otherwise {@code DEV_LOGIN_DISABLED}).
 */
public interface DevLogInUseCase {

    record DevLogInCommand(Nickname nickname) {
        public DevLogInCommand {
            if (nickname == null) {
                throw new IllegalArgumentException("nickname is required");
            }
        }
    }

    boolean enabled();

    LogInUseCase.LogInResult devLogIn(DevLogInCommand command);
}
