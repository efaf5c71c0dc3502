package kr.co.stupy.application.identity.port.out;

import java.util.Optional;

/** What a provider told us about a person: their stable account id there and what they agreed to share. */
public record ProviderProfile(String accountId, Optional<String> nickname, Optional<String> email,
                              Optional<String> profileImageUrl) {

    public ProviderProfile {
        if (accountId == null || accountId.isBlank() || accountId.length() > 128) {
            throw new IllegalArgumentException("a provider account id is 1 to 128 characters");
        }
        nickname = nickname == null ? Optional.empty() : nickname;
        email = email == null ? Optional.empty() : email;
        profileImageUrl = profileImageUrl == null ? Optional.empty() : profileImageUrl;
    }
}
