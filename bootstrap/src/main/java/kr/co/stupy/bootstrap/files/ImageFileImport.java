package kr.co.stupy.bootstrap.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.image.MongoImageStore;
import kr.co.stupy.application.image.ImageFormat;
import kr.co.stupy.application.image.ImageKeys;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.bootstrap.config.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves pictures kept as files by earlier versions ({@code <data dir>/images/<key>}) into the
 * database under the keys users' profiles and rooms already point at. Runs at start before the
 * node serves; keys already in the database are left as they are, and the files stay where they
 * are. When every file is in, a note {@value #DONE} is written next to them, so later starts do
 * not bring back a picture that was replaced (and deleted) since.
 */
public final class ImageFileImport {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFileImport.class);
    public static final String DIRECTORY = "images";
    public static final String DONE = "IMPORTED.txt";

    /** What one run did: pictures written, pictures the database had already, files that are not (good) pictures. */
    public record Result(int imported, int alreadyStored, int skipped) {
    }

    private ImageFileImport() {
    }

    public static Result run(Path dataDir, MongoImageStore images) {
        Path directory = dataDir.resolve(DIRECTORY);
        if (!Files.isDirectory(directory) || Files.exists(directory.resolve(DONE))) {
            return new Result(0, 0, 0);
        }
        int imported = 0;
        int alreadyStored = 0;
        int skipped = 0;
        boolean complete = true;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String key = file.getFileName().toString();
                Optional<ImageFormat> format = ImageKeys.formatOf(key);
                if (key.equals(DONE)) {
                    continue;
                }
                if (format.isEmpty() || !Files.isRegularFile(file)) {
                    skipped++;   // e.g. a .tmp left by a crash during an upload: never served before either
                    continue;
                }
                if (images.contains(key)) {
                    alreadyStored++;
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    LOG.warn("cannot read the picture {} ({}); trying again at the next start", file, e.toString());
                    complete = false;
                    continue;
                }
                if (bytes.length == 0 || bytes.length > ImageUpload.MAX_BYTES) {
                    LOG.warn("not importing {}: {} bytes is not a picture Stupy accepts", file, bytes.length);
                    skipped++;
                    continue;
                }
                if (images.storeIfAbsent(key, new ImageUpload(bytes, format.get()))) {
                    imported++;
                } else {
                    alreadyStored++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the picture files in " + directory, e);
        }
        LOG.info("imported {} picture file(s) from {} into the database ({} were there already, {} other file(s) skipped);"
                + " Stupy no longer reads that directory", imported, directory, alreadyStored, skipped);
        if (complete) {
            markDone(directory, imported);
        }
        return new Result(imported, alreadyStored, skipped);
    }

    private static void markDone(Path directory, int imported) {
        try {
            // Like every file Stupy writes in the data directory, readable by its owner only.
            Path done = Files.createFile(directory.resolve(DONE), DataDirectory.ownerOnlyAttribute(directory));
            Files.writeString(done, "Stupy copied the pictures in this directory into its database on "
                    + Instant.now() + " (" + imported + " new). It no longer reads this directory; you can delete it.\n");
        } catch (FileAlreadyExistsException e) {
            // another node sharing this directory finished the same import first
        } catch (IOException e) {
            LOG.warn("cannot write {} in {} ({}); the import will look at the files again at the next start",
                    DONE, directory, e.toString());
        }
    }
}
