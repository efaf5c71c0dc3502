package kr.co.stupy.application.identity.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.co.stupy.identity.Provider;

/**
 * Signed OAuth {@code state} values. A state reads
 * {@code provider.nonce.expiresAtEpochSeconds.bindingHash.signature}: the nonce makes it single-use
 * (see {@code UsedLoginStates}), the hash ties it to the random value only the starting browser holds
 * in a cookie (the state itself reveals nothing of that value), and an HMAC-SHA256 signature makes
 * every part tamper-proof. Nothing is stored until the state is spent, so any node can check it.
 */
final class LoginStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    record Issued(String state, String browserBinding) {
    }

    record Verified(String nonce, Instant expiresAt) {
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * {@code masterKey} is a secret of at least 256 bits (the token key will do): a key of its own is
     * derived from it, so a state signature can never pass as a token signature or the other way round.
     */
    LoginStates(byte[] masterKey, Clock clock) {
        if (masterKey == null || masterKey.length < 32) {
            throw new IllegalArgumentException("the login state key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(masterKey, ALGORITHM), "stupy/oauth-state/v1"), ALGORITHM);
        this.clock = clock;
    }

    Issued issue(Provider provider) {
        String nonce = randomText(16);
        String binding = randomText(32);
        long expiresAt = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = provider.key() + "." + nonce + "." + expiresAt + "." + hash(binding);
        return new Issued(payload + "." + B64.encodeToString(hmac(key, payload)), binding);
    }

    /** The state's nonce when it is genuine, unexpired, for {@code provider} and from the browser holding {@code binding}. */
    Optional<Verified> verify(String state, Provider provider, String binding) {
        String[] parts = state.split("\\.", -1);
        if (parts.length != 5 || state.length() > 512) {
            return Optional.empty();
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        byte[] signature;
        try {
            signature = B64_DECODE.decode(parts[4]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(hmac(key, payload), signature)) {
            return Optional.empty();
        }
        // Signed by us from here on: the fields are ours and well-formed.
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        boolean sameBrowser = MessageDigest.isEqual(hash(binding).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII));
        if (!parts[0].equals(provider.key()) || !clock.instant().isBefore(expiresAt) || !sameBrowser) {
            return Optional.empty();
        }
        return Optional.of(new Verified(parts[1], expiresAt));
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return B64.encodeToString(value);
    }

    private static String hash(String value) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA256", e);
        }
    }
}
