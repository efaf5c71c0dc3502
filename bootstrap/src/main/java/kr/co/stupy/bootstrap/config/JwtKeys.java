package kr.co.stupy.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The key that signs tokens: {@code STUPY_JWT_SECRET} when given (the same on every node), else a
 * random 512-bit key made on first start and kept in the data directory, readable by its owner
 * only, so tokens survive restarts.
 */
public final class JwtKeys {

    public static final String FILE_NAME = "jwt.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private JwtKeys() {
    }

    public static byte[] resolve(Optional<String> secret, Path dataDir) {
        if (secret.isPresent()) {
            return secret.get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            DataDirectory.createIfMissing(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the token key in " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
            // No REPLACE_EXISTING: when two local nodes start at once, the first key wins and both use it.
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // another node made it first
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a base64 key; delete it to make a new one", e);
        }
        if (key.length < Settings.MIN_JWT_SECRET_BYTES) {
            throw new IllegalStateException(file + " holds a key shorter than 256 bits; delete it to make a new one");
        }
        return key;
    }
}
