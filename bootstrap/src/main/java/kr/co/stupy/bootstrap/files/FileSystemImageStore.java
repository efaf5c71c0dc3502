package kr.co.stupy.bootstrap.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.co.stupy.application.image.ImageFormat;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.shared.Ids;

/**
 * Pictures as files under {@code <data dir>/images}, named {@code <id>.<ext>}. A key is checked
 * against that exact shape before it touches the file system, so no key can point elsewhere.
 * Files are written to a temporary name, forced to disk, then moved into place.
 */
public final class FileSystemImageStore implements ImageStore {

    private static final Pattern KEY = Pattern.compile("([0-7][0-9A-HJKMNP-TV-Z]{25})\\.(png|jpg|gif|webp)");

    private final Path directory;

    public FileSystemImageStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the image directory " + directory, e);
        }
    }

    @Override
    public String store(ImageUpload image) {
        String key = Ids.newId() + "." + image.format().extension();
        Path target = directory.resolve(key);
        Path temporary = directory.resolve(key + ".tmp");
        try {
            Files.write(temporary, image.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an image", e);
        }
    }

    @Override
    public Optional<StoredImage> load(String key) {
        Matcher matcher = KEY.matcher(key == null ? "" : key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(directory.resolve(key));
            return Optional.of(new StoredImage(bytes, ImageFormat.fromExtension(matcher.group(2)).orElseThrow()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an image", e);
        }
    }

    @Override
    public void delete(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete an image", e);
        }
    }
}
