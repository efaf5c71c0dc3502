package kr.co.stupy.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds e-mails, password hashes, pictures and the keys of the node, so it is
 * its owner's alone: made {@code 700}, every file Stupy writes in it {@code 600}. A directory that
 * already exists wider than that is the operator's choice and is left as it is, with one warning.
 * On a file system without POSIX permissions (Windows) nothing of this applies and nothing is said.
 */
public final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataDirectory() {
    }

    /** Makes the directory ({@code 700}) if it is missing; warns once when it exists and others may enter it. Called once at start. */
    public static void open(Path dir) {
        if (Files.isDirectory(dir)) {
            widerThanOwnerOnly(dir).ifPresent(permissions -> LOG.warn(
                    "data directory {} is {}: other local users can read the database and keys in it; chmod 700 it",
                    dir.toAbsolutePath(), PosixFilePermissions.toString(permissions)));
        } else {
            createIfMissing(dir);
        }
    }

    /** Makes the directory and its missing parents; the directory itself is made {@code 700} whatever the umask. */
    public static void createIfMissing(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    /**
     * The permissions of a path that lets its group or others in at all, or empty when it is its
     * owner's only (or the file system has no POSIX permissions).
     */
    public static Optional<Set<PosixFilePermission>> widerThanOwnerOnly(Path path) {
        if (!posix(path)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.stream().anyMatch(GROUP_AND_OTHERS::contains) ? Optional.of(permissions) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + path, e);
        }
    }

    /**
     * Makes a file Stupy wrote in the data directory {@code 600}. A file that was wider (made by an
     * earlier version, or by a library that follows the umask) is narrowed and the change is said once.
     */
    public static void ownerOnly(Path file) {
        Optional<Set<PosixFilePermission>> wider = widerThanOwnerOnly(file);
        if (wider.isEmpty()) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " readable by its owner only", e);
        }
        LOG.warn("{} was {}; made it rw------- (its owner only)", file.toAbsolutePath(), PosixFilePermissions.toString(wider.get()));
    }

    /** The attribute that creates a file {@code 600} from the start, where the file system knows POSIX permissions. */
    public static FileAttribute<?>[] ownerOnlyAttribute(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
