package kr.co.stupy.identity;

/** An account at a provider that proves a user's identity; a provider account belongs to one user. */
public record LinkedAccount(Provider provider, String accountId) {

    public LinkedAccount {
        if (provider == null) {
            throw new IllegalArgumentException("provider is required");
        }
        if (accountId == null || accountId.isEmpty() || accountId.length() > 128) {
            throw new IllegalArgumentException("provider account id must be 1 to 128 characters");
        }
    }

    /** One string that identifies the account among all providers, e.g. {@code kakao:12345}. */
    public String key() {
        return provider.key() + ":" + accountId;
    }
}
