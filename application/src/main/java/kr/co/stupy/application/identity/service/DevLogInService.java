package kr.co.stupy.application.identity.service;

import java.util.Optional;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.shared.DomainException;

public final class DevLogInService implements DevLogInUseCase {

    private final LogInUseCase logIn;
    private final boolean enabled;

    public DevLogInService(LogInUseCase logIn, boolean enabled) {
        this.logIn = logIn;
        this.enabled = enabled;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public LogInUseCase.LogInResult devLogIn(DevLogInCommand command) {
        if (!enabled) {
            throw DomainException.notFound("DEV_LOGIN_DISABLED", "dev login is not offered on this server");
        }
        var account = new LinkedAccount(Provider.DEV, command.nickname().value());
        return logIn.logIn(new LogInUseCase.LogInCommand(account, command.nickname(), Optional.empty(), Optional.empty()));
    }
}
