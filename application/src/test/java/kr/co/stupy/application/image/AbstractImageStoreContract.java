package kr.co.stupy.application.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImageStore} promises. Extend it once per implementation. */
public abstract class AbstractImageStoreContract {

    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    protected ImageStore images;

    protected abstract ImageStore createStore();

    @BeforeEach
    void setUpStore() {
        images = createStore();
    }

    @Test
    void storesUnderANewUrlSafeKeyAndLoadsTheSameBytes() {
        String key = images.store(ImageUpload.of(PNG));
        String other = images.store(ImageUpload.of(PNG));

        assertNotEquals(key, other);
        assertTrue(key.matches("[0-9A-Z]+\\.png"), key);
        ImageStore.StoredImage loaded = images.load(key).orElseThrow();
        assertArrayEquals(PNG, loaded.bytes());
        assertEquals(ImageFormat.PNG, loaded.format());
    }

    @Test
    void deletedAndUnknownKeysLoadNothing() {
        String key = images.store(ImageUpload.of(PNG));
        images.delete(key);
        images.delete(key);

        assertTrue(images.load(key).isEmpty());
        assertTrue(images.load("00000000000000000000000000.png").isEmpty());
        assertFalse(images.contains(key));
        assertFalse(images.contains("00000000000000000000000000.png"));
    }

    @Test
    void containsAnswersWhetherAKeyIsStored() {
        String key = images.store(ImageUpload.of(PNG));

        assertTrue(images.contains(key));
        assertFalse(images.contains(null));
        assertFalse(images.contains("../jwt.key"));
    }

    @Test
    void keysThatCouldEscapeTheStoreLoadNothing() {
        for (String key : new String[] {"../jwt.key", "/etc/passwd", "..", "", "a/b.png", "%2e%2e%2fjwt.key",
                "{\"$ne\":null}", "$ne", "$where.png", null}) {
            assertTrue(images.load(key).isEmpty(), key);
            images.delete(key);
        }
    }

    @Test
    void deletingOnePictureLeavesTheOthers() {
        String kept = images.store(ImageUpload.of(PNG));
        String gone = images.store(ImageUpload.of(PNG));
        images.delete(gone);
        images.delete(null);

        assertTrue(images.load(kept).isPresent());
    }

    @Test
    void theLargestPictureComesBackWhole() {
        byte[] largest = new byte[ImageUpload.MAX_BYTES];
        new Random(7).nextBytes(largest);
        byte[] jpeg = TestImages.jpeg(4096, 4096);
        System.arraycopy(jpeg, 0, largest, 0, jpeg.length);

        String key = images.store(ImageUpload.of(largest));

        assertTrue(key.endsWith(".jpg"), key);
        ImageStore.StoredImage loaded = images.load(key).orElseThrow();
        assertArrayEquals(largest, loaded.bytes());
        assertEquals(ImageFormat.JPEG, loaded.format());
    }
}
