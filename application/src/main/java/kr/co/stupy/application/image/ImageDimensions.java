package kr.co.stupy.application.image;

import java.util.Optional;

/**
 * The width and height a picture's header declares, read without decoding a single pixel: a small
 * file can declare a picture of gigabytes once decoded (a 30000 × 30000 PNG compresses to under
 * 1 MB), and whoever is shown it pays for the decoding. Only the bytes a format puts first are read:
 * PNG's {@code IHDR}, JPEG's first {@code SOFn} frame header, GIF's logical screen, and WebP's
 * {@code VP8 }, {@code VP8L} or {@code VP8X} chunk.
 */
public record ImageDimensions(int width, int height) {

    /** Longest side accepted, in pixels. */
    public static final int MAX_SIDE = 4096;

    /** Most pixels accepted (16 megapixels: a 4096 × 4096 picture, about 64 MiB once decoded to RGBA). */
    public static final long MAX_PIXELS = 16L * 1024 * 1024;

    public long pixels() {
        return (long) width * height;
    }

    /** True when the picture is small enough for every browser that is shown it to decode. */
    public boolean withinLimits() {
        return width <= MAX_SIDE && height <= MAX_SIDE && pixels() <= MAX_PIXELS;
    }

    /**
     * What {@code bytes}, already recognised as {@code format}, declare; empty when the header is
     * cut short, malformed, or declares a side of zero.
     */
    public static Optional<ImageDimensions> read(byte[] bytes, ImageFormat format) {
        Optional<ImageDimensions> read = switch (format) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case GIF -> gif(bytes);
            case WEBP -> webp(bytes);
        };
        return read.filter(d -> d.width > 0 && d.height > 0);
    }

    /** Signature, then the first chunk, which must be {@code IHDR}: length 13, type, width and height (big-endian). */
    private static Optional<ImageDimensions> png(byte[] b) {
        if (b.length < 24 || u32be(b, 8) != 13 || !ascii(b, 12, "IHDR")) {
            return Optional.empty();
        }
        long width = u32be(b, 16);
        long height = u32be(b, 20);
        // The format caps each side at 2^31 - 1; anything above cannot be a PNG.
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new ImageDimensions((int) width, (int) height));
    }

    /** Walks the markers up to the first frame header; a scan that starts before any frame header is malformed. */
    private static Optional<ImageDimensions> jpeg(byte[] b) {
        int at = 2; // after SOI
        while (at + 1 < b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            at += 2;
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                continue; // markers without a length
            }
            if (marker == 0xD9 || marker == 0xDA || at + 2 > b.length) {
                return Optional.empty(); // end of image or a scan before any frame, or cut short
            }
            int length = u16be(b, at);
            if (length < 2) {
                return Optional.empty();
            }
            if (isStartOfFrame(marker)) {
                // length, precision, height, width
                if (length < 7 || at + 7 > b.length) {
                    return Optional.empty();
                }
                return Optional.of(new ImageDimensions(u16be(b, at + 5), u16be(b, at + 3)));
            }
            at += length;
        }
        return Optional.empty();
    }

    /** SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Signature, then the logical screen's width and height (little-endian), which every frame is drawn into. */
    private static Optional<ImageDimensions> gif(byte[] b) {
        if (b.length < 13) {
            return Optional.empty(); // the whole logical screen descriptor, or it is cut short
        }
        return Optional.of(new ImageDimensions(u16le(b, 6), u16le(b, 8)));
    }

    /** {@code RIFF <size> WEBP}, then the first chunk at 12 says which kind of WebP this is. */
    private static Optional<ImageDimensions> webp(byte[] b) {
        if (b.length < 20) {
            return Optional.empty();
        }
        int data = 20;
        if (ascii(b, 12, "VP8 ")) {
            // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
            if (b.length < data + 10 || (b[data + 3] & 0xFF) != 0x9D || (b[data + 4] & 0xFF) != 0x01
                    || (b[data + 5] & 0xFF) != 0x2A) {
                return Optional.empty();
            }
            return Optional.of(new ImageDimensions(u16le(b, data + 6) & 0x3FFF, u16le(b, data + 8) & 0x3FFF));
        }
        if (ascii(b, 12, "VP8L")) {
            // Lossless: the signature 0x2f, then width - 1 and height - 1 in 14 bits each.
            if (b.length < data + 5 || (b[data] & 0xFF) != 0x2F) {
                return Optional.empty();
            }
            long bits = u32le(b, data + 1);
            return Optional.of(new ImageDimensions((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1));
        }
        if (ascii(b, 12, "VP8X")) {
            // Extended: 4 bytes of flags, then the canvas's width - 1 and height - 1 in 24 bits each.
            if (b.length < data + 10) {
                return Optional.empty();
            }
            return Optional.of(new ImageDimensions(u24le(b, data + 4) + 1, u24le(b, data + 7) + 1));
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] b, int at, String text) {
        if (b.length < at + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16be(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long u32be(byte[] b, int at) {
        return (long) u16be(b, at) << 16 | u16be(b, at + 2);
    }

    private static int u16le(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int at) {
        return u16le(b, at) | (b[at + 2] & 0xFF) << 16;
    }

    private static long u32le(byte[] b, int at) {
        return u16le(b, at) | (long) u16le(b, at + 2) << 16;
    }
}
