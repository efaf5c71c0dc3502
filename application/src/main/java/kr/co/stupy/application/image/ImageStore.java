package kr.co.stupy.application.image;

import java.util.Optional;

/**
 * Where uploaded pictures live. A stored picture is named by an opaque key (safe to put in a URL);
 * the web adapter serves it back under that key.
 */
public interface ImageStore {

    record StoredImage(byte[] bytes, ImageFormat format) {
    }

    /** Stores the picture under a new, unguessable key and returns the key. */
    String store(ImageUpload image);

    Optional<StoredImage> load(String key);

    /** True when a picture is stored under the key. Stores that can answer without reading the bytes should. */
    default boolean contains(String key) {
        return load(key).isPresent();
    }

    /** Deletes the picture; deleting an unknown key does nothing. */
    void delete(String key);
}
