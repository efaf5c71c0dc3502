package kr.co.stupy.application.identity.port.out;

import kr.co.stupy.identity.Provider;

/** One configured social provider, spoken to over OAuth 2.0 with the authorization-code flow. */
public interface OAuthProvider {

    Provider provider();

    /** The provider's authorization page for this login, carrying {@code state} and our callback address. */
    String authorizationUrl(String state);

    /**
     * Trades the authorization code for an access token and reads the person's profile with it.
     * {@code state} is the one the code came back with (some providers want it again).
     *
     * @throws ProviderUnavailable when the provider refuses the code, fails, times out or answers nonsense
     */
    ProviderProfile fetchProfile(String code, String state);
}
