package kr.co.stupy.application.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ImageUploadTest {

    @Test
    void recognisesEachFormatByItsBytes() {
        assertEquals(ImageFormat.PNG, ImageUpload.of(AbstractImageStoreContract.PNG).format());
        assertEquals(ImageFormat.JPEG, ImageUpload.of(TestImages.jpeg(800, 600)).format());
        assertEquals(ImageFormat.GIF, ImageUpload.of("GIF87a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1)).format());
        assertEquals(ImageFormat.WEBP, ImageUpload.of(TestImages.webpLossy(4096, 4096)).format());
        assertEquals(ImageFormat.WEBP, ImageUpload.of(TestImages.webpLossless(1, 1)).format());
        assertEquals(ImageFormat.WEBP, ImageUpload.of(TestImages.webpExtended(4096, 10)).format());
    }

    @Test
    void refusesAPictureDeclaringMoreThan4096ASideWhateverItsFileSize() {
        for (byte[] huge : new byte[][] {TestImages.png(30000, 30000), TestImages.png(4097, 1), TestImages.jpeg(1, 4097),
                TestImages.gif(65535, 65535), TestImages.webpLossy(16383, 16383), TestImages.webpLossless(5000, 5000),
                TestImages.webpExtended(1, 100_000)}) {
            DomainException refused = assertThrows(DomainException.class, () -> ImageUpload.of(huge));
            assertEquals("IMAGE_TOO_LARGE_DIMENSIONS", refused.code());
            assertEquals(DomainException.Kind.INVALID, refused.kind());
        }
    }

    @Test
    void refusesAHeaderThatIsCutShortOrDeclaresNoPixels() {
        for (byte[] broken : new byte[][] {TestImages.png(0, 0), TestImages.png(10, 0), TestImages.jpeg(0, 10),
                TestImages.gif(0, 1), Arrays.copyOf(TestImages.webpExtended(1, 1), 26),
                Arrays.copyOf(TestImages.png(10, 10), 20), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "GIF87a....".getBytes(StandardCharsets.US_ASCII), "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ImageUpload.of(broken));
            assertEquals("image", refused.errors().getFirst().field());
        }
    }

    @Test
    void refusesEverythingElse() {
        assertThrows(InvalidInputException.class, () -> ImageUpload.of(new byte[0]));
        assertThrows(InvalidInputException.class, () -> ImageUpload.of("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidInputException.class, () -> ImageUpload.of("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII)));
        byte[] tooLarge = new byte[ImageUpload.MAX_BYTES + 1];
        System.arraycopy(AbstractImageStoreContract.PNG, 0, tooLarge, 0, 8);
        assertThrows(InvalidInputException.class, () -> ImageUpload.of(tooLarge));
    }
}
