package kr.co.stupy.application.image;

import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.InvalidInputException;

/**
 * An uploaded picture that has passed the checks: a known format by content, at most 5 MiB, not
 * empty, and a header declaring at most {@link ImageDimensions#MAX_SIDE} pixels a side and
 * {@link ImageDimensions#MAX_PIXELS} in all.
 */
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
        ImageDimensions dimensions = ImageDimensions.read(bytes, format)
                .orElseThrow(() -> InvalidInputException.of("image", "is cut short or declares no width or height"));
        if (!dimensions.withinLimits()) {
            throw tooLarge(dimensions);
        }
        return new ImageUpload(bytes, format);
    }

    private static DomainException tooLarge(ImageDimensions dimensions) {
        return new DomainException(DomainException.Kind.INVALID, "IMAGE_TOO_LARGE_DIMENSIONS",
                "the picture is " + dimensions.width() + " x " + dimensions.height() + " pixels; at most "
                        + ImageDimensions.MAX_SIDE + " pixels a side and " + ImageDimensions.MAX_PIXELS / (1024 * 1024)
                        + " megapixels are accepted");
    }
}
