package kr.co.stupy.application.image;

import java.util.Optional;
import kr.co.stupy.shared.Ids;

/**
 * The shape of a picture's key: a new id and the format's extension, {@code <26 base32>.<ext>}.
 * Unguessable, safe in a URL and in a file name; stores check a key against this shape before it
 * reaches a file system or a query, so a key from a URL can never name anything else.
 */
public final class ImageKeys {

    private ImageKeys() {
    }

    public static String newKey(ImageFormat format) {
        return Ids.newId() + "." + format.extension();
    }

    /** The format a well-formed key names; empty for anything that is not a key made by {@link #newKey}. */
    public static Optional<ImageFormat> formatOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int dot = key.indexOf('.');
        if (dot != Ids.LENGTH || !Ids.isWellFormed(key.substring(0, dot))) {
            return Optional.empty();
        }
        return ImageFormat.fromExtension(key.substring(dot + 1));
    }
}
