package kr.co.stupy.application.identity.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.DomainException;

/**
 * Guests: a new guest gets a random secret, and the account is found again by the secret's
 * SHA-256 alone, so the database never holds what opens an account. New guests are budgeted per
 * client address, every login per address and per account.
 */
public final class DevLogInService implements DevLogInUseCase {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final LogInUseCase logIn;
    private final Users users;
    private final boolean enabled;
    private final RateLimits limits;
    private final Budget signups;
    private final Budget loginsPerAddress;
    private final Budget loginsPerAccount;
    private final SecureRandom random = new SecureRandom();

    public DevLogInService(LogInUseCase logIn, Users users, boolean enabled, RateLimits limits, Budgets budgets) {
        this.logIn = logIn;
        this.users = users;
        this.enabled = enabled;
        this.limits = limits;
        this.signups = budgets.of(Budgets.GUEST_SIGNUP_PER_ADDRESS);
        this.loginsPerAddress = budgets.of(Budgets.LOGIN_PER_ADDRESS);
        this.loginsPerAccount = budgets.of(Budgets.LOGIN_PER_ACCOUNT);
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public GuestLogIn devLogIn(DevLogInCommand command) {
        if (!enabled) {
            throw DomainException.notFound("DEV_LOGIN_DISABLED", "dev login is not offered on this server");
        }
        limits.require(loginsPerAddress, command.clientAddress(), "logins from this address");
        if (command.guestSecret().isPresent()) {
            GuestSecret secret = command.guestSecret().get();
            LinkedAccount account = accountOf(secret);
            limits.require(loginsPerAccount, account.key(), "logins into this account");
            // Only a guest that exists is logged into: a secret never creates an account (that is what the nickname form does).
            var guest = users.byAccount(account).orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHENTICATED,
                    "GUEST_UNKNOWN", "no guest holds this secret here; log in as a new guest"));
            return new GuestLogIn(logIn.logIn(new LogInUseCase.LogInCommand(account, guest.nickname(),
                    Optional.empty(), Optional.empty())), secret);
        }
        limits.require(signups, command.clientAddress(), "new guests from this address");
        GuestSecret secret = newSecret();
        var result = logIn.logIn(new LogInUseCase.LogInCommand(accountOf(secret), command.nickname().orElseThrow(),
                Optional.empty(), Optional.empty()));
        return new GuestLogIn(result, secret);
    }

    private GuestSecret newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new GuestSecret(BASE64URL.encodeToString(bytes));
    }

    /** The account a secret opens: {@code dev:sha256:<hash>}, 50 characters, so no nickname (at most 20) an earlier version used as a dev identity can reach it. */
    static LinkedAccount accountOf(GuestSecret secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.value().getBytes(StandardCharsets.US_ASCII));
            return new LinkedAccount(Provider.DEV, "sha256:" + BASE64URL.encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
