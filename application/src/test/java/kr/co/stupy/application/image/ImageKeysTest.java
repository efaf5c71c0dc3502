package kr.co.stupy.application.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageKeysTest {

    @Test
    void aNewKeyNamesItsFormat() {
        for (ImageFormat format : ImageFormat.values()) {
            String key = ImageKeys.newKey(format);
            assertTrue(key.matches("[0-7][0-9A-HJKMNP-TV-Z]{25}\\." + format.extension()), key);
            assertEquals(Optional.of(format), ImageKeys.formatOf(key));
        }
    }

    @Test
    void anythingElseIsNotAKey() {
        String id = ImageKeys.newKey(ImageFormat.PNG).substring(0, 26);
        for (String key : new String[] {null, "", ".png", id, id + ".", id + ".svg", id + ".png.tmp", id + ".PNG",
                id.toLowerCase() + ".png", "8" + id.substring(1) + ".png", id + "0.png", "../jwt.key", "a/b.png",
                "{\"$gt\":\"\"}", "$where.png", id.substring(0, 25) + "I.png"}) {
            assertEquals(Optional.empty(), ImageKeys.formatOf(key), String.valueOf(key));
        }
    }
}
