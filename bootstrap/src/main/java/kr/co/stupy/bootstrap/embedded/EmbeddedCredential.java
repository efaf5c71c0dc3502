package kr.co.stupy.bootstrap.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import kr.co.stupy.bootstrap.config.DataDirectory;

/**
 * The password of the embedded database: 256 random bits made on first start and kept in the data
 * directory, readable by its owner only, so that nodes given the connection string keep working
 * across restarts of the node that holds the database.
 */
record EmbeddedCredential(String user, String password) {

    static final String FILE_NAME = "embedded-mongo.secret";
    static final String USER = "stupy";
    private static final int MIN_PASSWORD_CHARS = 32;

    static EmbeddedCredential resolve(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            DataDirectory.ownerOnly(file);
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.length() < MIN_PASSWORD_CHARS || !password.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalStateException(file + " does not hold a database password; delete it to make a new one");
            }
            return new EmbeddedCredential(USER, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the database password in " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp", DataDirectory.ownerOnlyAttribute(file.getParent()));
        try {
            // base64url: letters, digits, '-' and '_', all safe in a connection string as they are
            Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), StandardCharsets.US_ASCII);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // another process made it first; theirs is used
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
