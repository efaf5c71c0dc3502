package kr.co.stupy.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database exposed on a port (STUPY_EMBEDDED_MONGO_PORT) is reachable by every local
 * user: only a client that holds the credential from the data directory may read or write it.
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path dataDir;
    EmbeddedMongo embedded;
    int port;
    MongoClient owner;

    @BeforeEach
    void start() {
        port = freePort();
        embedded = EmbeddedMongo.start(dataDir, Optional.of(port));
        owner = MongoClients.create(embedded.connectionString());
        owner.getDatabase("stupy").getCollection("users").insertOne(new Document("_id", "u1").append("email", "a@b.c"));
    }

    @AfterEach
    void stop() {
        owner.close();
        embedded.close();
    }

    @Test
    void aDriverWithoutTheCredentialCanNeitherListNorReadNorWrite() {
        try (MongoClient stranger = client("mongodb://127.0.0.1:" + port + "/stupy")) {
            MongoDatabase database = stranger.getDatabase("stupy");
            List<MongoCommandException> refusals = new ArrayList<>();
            refusals.add(assertThrows(MongoCommandException.class, () -> database.listCollectionNames().into(new ArrayList<>())));
            refusals.add(assertThrows(MongoCommandException.class, () -> database.getCollection("users").find().first()));
            refusals.add(assertThrows(MongoCommandException.class,
                    () -> database.getCollection("users").insertOne(new Document("_id", "intruder"))));
            refusals.add(assertThrows(MongoCommandException.class, () -> stranger.listDatabaseNames().into(new ArrayList<>())));
            for (MongoCommandException refusal : refusals) {
                assertEquals(13, refusal.getErrorCode(), refusal.getMessage());
            }
        }
        assertEquals(1, owner.getDatabase("stupy").getCollection("users").countDocuments(), "nothing was written");
    }

    @Test
    void aWrongPasswordIsRefused() {
        String uri = embedded.connectionString().replaceFirst("stupy:[^@]+@", "stupy:not-the-password-0123456789abcdef@");
        try (MongoClient stranger = client(uri)) {
            assertThrows(MongoSecurityException.class, () -> stranger.getDatabase("stupy").getCollection("users").find().first());
        }
    }

    @Test
    void aRawLegacyQueryOnACollectionGetsTheConnectionClosedWithNoData() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] answer = legacyQuery(socket, "stupy.users");
            // mongo-java-server answers an exception on this path by closing the connection
            assertEquals(0, answer.length, new String(answer, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void theUriForOtherNodesIsWrittenForItsOwnerOnlyAndWorks() throws IOException {
        Path uriFile = dataDir.resolve(EmbeddedMongo.URI_FILE_NAME);
        String uri = Files.readString(uriFile).strip();
        assertEquals(embedded.connectionString(), uri);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(uriFile)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedCredential.FILE_NAME))));
        try (MongoClient otherNode = client(uri)) {
            assertEquals("a@b.c", otherNode.getDatabase("stupy").getCollection("users").find().first().getString("email"));
        }
    }

    @Test
    void theCredentialOutlivesARestartSoOtherNodesKeepTheirUri() {
        String before = embedded.connectionString();
        owner.close();
        embedded.close();
        embedded = EmbeddedMongo.start(dataDir, Optional.of(port));
        owner = client(before);
        assertEquals(1, owner.getDatabase("stupy").getCollection("users").countDocuments());
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    /** An OP_QUERY (opcode 2004) for every document of a collection, written by hand as an old or hostile client would; answers all it gets back. */
    private static byte[] legacyQuery(Socket socket, String namespace) throws IOException {
        byte[] name = (namespace + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] emptyQuery = {5, 0, 0, 0, 0};
        ByteBuffer message = ByteBuffer.allocate(16 + 4 + name.length + 8 + emptyQuery.length).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(message.capacity()).putInt(1).putInt(0).putInt(2004);
        message.putInt(0).put(name).putInt(0).putInt(10).put(emptyQuery);
        OutputStream out = socket.getOutputStream();
        out.write(message.array());
        out.flush();
        return socket.getInputStream().readAllBytes();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
