package kr.co.stupy.bootstrap.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.image.MongoImageStore;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.application.image.ImageFormat;
import kr.co.stupy.application.image.ImageKeys;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory from before pictures moved into the database: its files are imported once, under their keys. */
class ImageFileImportTest {

    static final byte[] PNG = AbstractImageStoreContract.PNG;
    static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dataDir;

    @Test
    void filesInTheOldLayoutAreImportedOnceAndLeftInPlace() throws IOException {
        Path directory = Files.createDirectories(dataDir.resolve("images"));
        String png = ImageKeys.newKey(ImageFormat.PNG);
        String gif = ImageKeys.newKey(ImageFormat.GIF);
        String taken = ImageKeys.newKey(ImageFormat.PNG);
        Files.write(directory.resolve(png), PNG);
        Files.write(directory.resolve(gif), GIF);
        Files.write(directory.resolve(taken), PNG);
        Files.write(directory.resolve(ImageKeys.newKey(ImageFormat.PNG) + ".tmp"), PNG);
        Files.writeString(directory.resolve("notes.txt"), "not a picture");

        try (EmbeddedMongo database = EmbeddedMongo.start(dataDir, Optional.empty());
             MongoStore store = MongoStore.connect(database.connectionString())) {
            var images = new MongoImageStore(store.database(), Clock.systemUTC());
            byte[] newer = PNG.clone();
            newer[newer.length - 1] ^= 1;
            images.storeIfAbsent(taken, new ImageUpload(newer, ImageFormat.PNG));

            assertEquals(new ImageFileImport.Result(2, 1, 2), ImageFileImport.run(dataDir, images));

            ImageStore.StoredImage loaded = images.load(png).orElseThrow();
            assertArrayEquals(PNG, loaded.bytes());
            assertEquals(ImageFormat.PNG, loaded.format());
            assertEquals(ImageFormat.GIF, images.load(gif).orElseThrow().format());
            assertArrayEquals(newer, images.load(taken).orElseThrow().bytes(), "a key already stored keeps its picture");
            assertTrue(Files.exists(directory.resolve(png)), "the files stay where they were");
            assertTrue(Files.exists(directory.resolve(ImageFileImport.DONE)));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(ImageFileImport.DONE))),
                        "written in the data directory, so its owner's only");
            }

            images.delete(png);   // replaced by its owner after the import
            assertEquals(new ImageFileImport.Result(0, 0, 0), ImageFileImport.run(dataDir, images));
            assertTrue(images.load(png).isEmpty(), "a later start does not bring a deleted picture back");
        }
    }

    @Test
    void aNodeStartedOnAnOldDataDirectoryServesItsPictureFiles() throws IOException {
        String key = ImageKeys.newKey(ImageFormat.PNG);
        Files.write(Files.createDirectories(dataDir.resolve("images")).resolve(key), PNG);

        try (TestNode node = TestNode.start(TestNode.settings(dataDir, Optional.of(true)))) {
            Api.Reply image = node.api().raw("GET", "/images/" + key, null, null, null);
            assertEquals(200, image.status());
            assertEquals("image/png", image.contentType());
            assertArrayEquals(PNG, image.bytes());
        }
    }

    @Test
    void aDataDirectoryWithoutPicturesIsLeftAlone() {
        try (EmbeddedMongo database = EmbeddedMongo.start(dataDir, Optional.empty());
             MongoStore store = MongoStore.connect(database.connectionString())) {
            assertEquals(new ImageFileImport.Result(0, 0, 0),
                    ImageFileImport.run(dataDir, new MongoImageStore(store.database(), Clock.systemUTC())));
            assertTrue(Files.notExists(dataDir.resolve("images")));
        }
    }
}
