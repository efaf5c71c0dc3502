package kr.co.stupy.application.image;

import kr.co.stupy.shared.InvalidInputException;

/** An uploaded picture that has passed the checks: a known format by content, at most 5 MiB, not empty. */
public record ImageUpload(byte[] bytes, ImageFormat format) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public ImageUpload {
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("image", "must be at most 5 MiB");
        }
    }

    /** Checks the bytes themselves; the client's file name and declared type are never trusted. */
    public static ImageUpload of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("image", "is required");
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("image", "must be at most 5 MiB");
        }
        ImageFormat format = ImageFormat.detect(bytes)
                .orElseThrow(() -> InvalidInputException.of("image", "must be a PNG, JPEG, WebP or GIF image"));
        return new ImageUpload(bytes, format);
    }
}
