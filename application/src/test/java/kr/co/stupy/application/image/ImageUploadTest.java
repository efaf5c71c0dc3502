package kr.co.stupy.application.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import kr.co.stupy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ImageUploadTest {

    @Test
    void recognisesEachFormatByItsBytes() {
        assertEquals(ImageFormat.PNG, ImageUpload.of(AbstractImageStoreContract.PNG).format());
        assertEquals(ImageFormat.JPEG, ImageUpload.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}).format());
        assertEquals(ImageFormat.GIF, ImageUpload.of("GIF87a....".getBytes(StandardCharsets.US_ASCII)).format());
        assertEquals(ImageFormat.WEBP, ImageUpload.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)).format());
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
