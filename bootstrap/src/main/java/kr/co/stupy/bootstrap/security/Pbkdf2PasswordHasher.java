package kr.co.stupy.bootstrap.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.RoomPassword;

/**
 * Room passwords as PBKDF2-HMAC-SHA256 from the JDK: a random 16-byte salt per hash and a high
 * iteration count, written as {@code pbkdf2-sha256$<iterations>$<salt>$<digest>} so the cost can be
 * raised later without breaking stored rooms. Comparison is constant-time.
 */
public final class Pbkdf2PasswordHasher implements PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int DIGEST_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public Pbkdf2PasswordHasher(int iterations) {
        if (iterations < 100_000 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 100,000 to " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    @Override
    public PasswordHash hash(RoomPassword password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] digest = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(digest));
    }

    @Override
    public boolean matches(RoomPassword password, PasswordHash hash) {
        String[] parts = hash.encoded().split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            if (storedIterations < 1 || storedIterations > MAX_ITERATIONS) {
                return false;
            }
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] expected = b64.decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, b64.decode(parts[2]), storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(RoomPassword password, byte[] salt, int iterations) {
        char[] chars = password.value().toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, DIGEST_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
