package kr.co.stupy.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds e-mails, password hashes, pictures and keys: a node keeps it, and every
 * file it writes there, to its owner, and says so when an operator's directory lets others in.
 */
class DataDirectoryTest {

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(DataDirectory.class);

    @BeforeEach
    void listen() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aNodeOnAFreshDirectoryKeepsItAndEveryFileInItToItsOwner() throws IOException {
        Path dataDir = TestNode.freshDataDir().resolve("fresh");
        try (TestNode node = TestNode.start(TestNode.settings(dataDir, Optional.of(true)))) {
            node.api().devLogin("owner-only");   // something written: a user, a token signed with the kept key
        }
        assertEquals("rwx------", mode(dataDir));
        List<Path> files;
        try (Stream<Path> all = Files.walk(dataDir)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.contains(dataDir.resolve(EmbeddedMongo.FILE_NAME)), files.toString());
        assertTrue(files.contains(dataDir.resolve(JwtKeys.FILE_NAME)), files.toString());
        for (Path file : files) {
            assertEquals("rw-------", mode(file), file.toString());
        }
        assertEquals(List.of(), warnings(), "nothing to warn about on a directory the node made");
    }

    @Test
    void anExistingDirectoryThatLetsOthersInIsWarnedAboutOnceNamingItsPathAndMode() throws IOException {
        Path dataDir = TestNode.freshDataDir();
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (TestNode node = TestNode.start(TestNode.settings(dataDir, Optional.of(true)))) {
            assertEquals(200, node.api().get("/api/health", null).status());
        }
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().contains(dataDir.toAbsolutePath().toString()), warnings.getFirst());
        assertTrue(warnings.getFirst().contains("rwxr-xr-x"), warnings.getFirst());
        assertEquals("rwxr-xr-x", mode(dataDir), "the operator's directory is theirs to change");
        assertEquals("rw-------", mode(dataDir.resolve(EmbeddedMongo.FILE_NAME)), "the files in it are still kept to the owner");
    }

    @Test
    void aDatabaseFileLeftReadableByOthersIsNarrowedAtStart() throws IOException {
        Path dataDir = TestNode.freshDataDir();
        EmbeddedMongo.start(dataDir, Optional.empty()).close();
        Path database = dataDir.resolve(EmbeddedMongo.FILE_NAME);
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

        EmbeddedMongo.start(dataDir, Optional.empty()).close();

        assertEquals("rw-------", mode(database));
        assertTrue(warnings().stream().anyMatch(w -> w.contains(database.toAbsolutePath().toString()) && w.contains("rw-r--r--")),
                warnings().toString());
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
