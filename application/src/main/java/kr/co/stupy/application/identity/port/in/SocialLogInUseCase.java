package kr.co.stupy.application.identity.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.identity.Provider;

/**
 * Logging in through a social provider (Kakao, Naver) with the authorization-code flow. {@link #begin}
 * sends the browser to the provider with a signed, single-use {@code state} bound to that browser;
 * {@link #complete} checks that binding, lets the provider vouch for the person and logs them in.
 * A bad, expired, replayed or foreign state is a {@code INVALID_STATE} invalid-input failure; a
 * provider that is not offered here is {@code UNKNOWN_PROVIDER} (not found).
 */
public interface SocialLogInUseCase {

    /** The providers offered on this server, in a stable order. */
    List<Provider> enabledProviders();

    /**
     * Where to send the browser, and the value the browser must keep (as an HttpOnly cookie) for
     * {@code validFor}, so only the browser that started the login can finish it.
     */
    record Start(String authorizationUrl, String browserBinding, Duration validFor) {
    }

    Start begin(Provider provider);

    /** What came back to the callback: the provider's code or error, the state, the browser's binding. */
    record Callback(Provider provider, Optional<String> code, Optional<String> error, Optional<String> state,
                    Optional<String> browserBinding) {
        public Callback {
            if (provider == null) {
                throw new IllegalArgumentException("provider is required");
            }
            code = nonBlank(code);
            error = nonBlank(error);
            state = nonBlank(state);
            browserBinding = nonBlank(browserBinding);
        }

        private static Optional<String> nonBlank(Optional<String> value) {
            return value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
        }
    }

    /** How a well-formed callback ended. */
    sealed interface Outcome {
    }

    record LoggedIn(LogInUseCase.LogInResult result) implements Outcome {
    }

    /** The person declined at the provider (or the provider reported an error for the request). */
    record Denied() implements Outcome {
    }

    /**
     * The provider refused the code, failed, timed out or answered something we cannot read.
     * {@code reason} is for the log; it never carries a code, token or secret.
     */
    record ProviderFailed(String reason) implements Outcome {
    }

    Outcome complete(Callback callback);
}
