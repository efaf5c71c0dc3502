package kr.co.stupy.identity;

import java.util.Locale;
import java.util.Optional;

/** Where a user proves who they are. {@code DEV} is the nickname-only login for local use. */
public enum Provider {
    KAKAO, NAVER, DEV;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provider> fromKey(String key) {
        for (Provider provider : values()) {
            if (provider.key().equals(key)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
