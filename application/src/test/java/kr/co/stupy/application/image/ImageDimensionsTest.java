package kr.co.stupy.application.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageDimensionsTest {

    @Test
    void readsTheDeclaredSizeOfEveryFormatWithoutDecoding() {
        assertEquals(dims(1, 1), ImageDimensions.read(AbstractImageStoreContract.PNG, ImageFormat.PNG));
        assertEquals(dims(30000, 30000), ImageDimensions.read(TestImages.png(30000, 30000), ImageFormat.PNG));
        assertEquals(dims(640, 480), ImageDimensions.read(TestImages.jpeg(640, 480), ImageFormat.JPEG));
        assertEquals(dims(65535, 3), ImageDimensions.read(TestImages.gif(65535, 3), ImageFormat.GIF));
        assertEquals(dims(16383, 2), ImageDimensions.read(TestImages.webpLossy(16383, 2), ImageFormat.WEBP));
        assertEquals(dims(16384, 7), ImageDimensions.read(TestImages.webpLossless(16384, 7), ImageFormat.WEBP));
        assertEquals(dims(20000, 1), ImageDimensions.read(TestImages.webpExtended(20000, 1), ImageFormat.WEBP));
    }

    @Test
    void aJpegFrameHeaderIsFoundPastOtherSegmentsAndFillBytes() {
        byte[] plain = TestImages.jpeg(300, 200);
        byte[] filled = new byte[plain.length + 3];
        // SOI, then fill bytes before the APP0 marker, which the format allows.
        System.arraycopy(plain, 0, filled, 0, 2);
        filled[2] = filled[3] = filled[4] = (byte) 0xFF;
        System.arraycopy(plain, 2, filled, 5, plain.length - 2);

        assertEquals(dims(300, 200), ImageDimensions.read(filled, ImageFormat.JPEG));
    }

    @Test
    void aHeaderCutShortOrDeclaringNoPixelsReadsAsNothing() {
        for (byte[] whole : new byte[][] {TestImages.png(10, 10), TestImages.jpeg(10, 10), TestImages.gif(10, 10),
                TestImages.webpLossy(10, 10), TestImages.webpLossless(10, 10), TestImages.webpExtended(10, 10)}) {
            ImageFormat format = ImageFormat.detect(whole).orElseThrow();
            for (int length = 0; length < headerLength(format, whole); length++) {
                assertEquals(Optional.empty(), ImageDimensions.read(Arrays.copyOf(whole, length), format),
                        format + " cut to " + length + " bytes");
            }
        }
        assertEquals(Optional.empty(), ImageDimensions.read(TestImages.png(0, 10), ImageFormat.PNG));
        assertEquals(Optional.empty(), ImageDimensions.read(TestImages.png(10, 0), ImageFormat.PNG));
        assertEquals(Optional.empty(), ImageDimensions.read(TestImages.png(1L << 31, 1), ImageFormat.PNG));
        assertEquals(Optional.empty(), ImageDimensions.read(TestImages.jpeg(0, 10), ImageFormat.JPEG));
        assertEquals(Optional.empty(), ImageDimensions.read(TestImages.gif(10, 0), ImageFormat.GIF));
        assertEquals(Optional.empty(), ImageDimensions.read(TestImages.webpLossy(0, 0), ImageFormat.WEBP));
    }

    @Test
    void aJpegWithoutAFrameHeaderOrWithABrokenSegmentReadsAsNothing() {
        byte[] scanFirst = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, 0, 0};
        byte[] endFirst = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        byte[] noMarker = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0, 0x12, 0x34};
        byte[] zeroLength = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0, (byte) 0xFF, (byte) 0xC0};
        for (byte[] bytes : new byte[][] {scanFirst, endFirst, noMarker, zeroLength}) {
            assertEquals(Optional.empty(), ImageDimensions.read(bytes, ImageFormat.JPEG));
        }
    }

    @Test
    void theLimitsAre4096ASideAnd16Megapixels() {
        assertTrue(new ImageDimensions(4096, 4096).withinLimits());
        assertTrue(new ImageDimensions(1, 4096).withinLimits());
        assertFalse(new ImageDimensions(4097, 1).withinLimits());
        assertFalse(new ImageDimensions(1, 4097).withinLimits());
        assertFalse(new ImageDimensions(30000, 30000).withinLimits());
        assertEquals(900_000_000L, new ImageDimensions(30000, 30000).pixels());
    }

    /** How many leading bytes the reading needs: every shorter prefix is cut short. */
    private static int headerLength(ImageFormat format, byte[] whole) {
        return switch (format) {
            case PNG -> 24;
            case JPEG -> whole.length - 10; // up to the frame header's width
            case GIF -> 13;
            case WEBP -> whole.length;
        };
    }

    private static Optional<ImageDimensions> dims(int width, int height) {
        return Optional.of(new ImageDimensions(width, height));
    }
}
