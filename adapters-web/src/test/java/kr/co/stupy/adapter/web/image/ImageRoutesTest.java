package kr.co.stupy.adapter.web.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.WebFixtures;
import kr.co.stupy.application.image.ImageFormat;
import kr.co.stupy.application.image.ImageStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRoutesTest {

    static final String KEY = "3f9c2a7e.webp";
    static final ImageStore images = mock(ImageStore.class);

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new ImageRoutes(images));

    @AfterEach
    void forget() {
        reset(images);
    }

    @Test
    void aPictureIsServedWithTheTypeFoundAtUploadCachedForGoodWithoutAToken() {
        byte[] bytes = WebFixtures.png();
        when(images.load(KEY)).thenReturn(Optional.of(new ImageStore.StoredImage(bytes, ImageFormat.PNG)));
        Answer answer = web.anonymous().get("/images/" + KEY);
        assertEquals(200, answer.status());
        assertArrayEquals(bytes, answer.bytes());
        assertEquals("image/png", answer.header("Content-Type"));
        assertEquals("\"" + KEY + "\"", answer.header("ETag"));
        assertEquals("public, max-age=31536000, immutable", answer.header("Cache-Control"));
        assertEquals("default-src 'none'; sandbox", answer.header("Content-Security-Policy"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
    }

    @Test
    void anUnknownKeyIs404() {
        when(images.load(any())).thenReturn(Optional.empty());
        web.anonymous().get("/images/no-such-key").problem(404, "NOT_FOUND");
        verify(images).load("no-such-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"" + KEY + "\"", "W/\"" + KEY + "\"", "\"other\", \"" + KEY + "\"", "*"})
    void aBrowserThatHasThePictureOnlyHearsThatItStillExists(String ifNoneMatch) {
        when(images.contains(KEY)).thenReturn(true);
        Answer answer = web.anonymous().get("/images/" + KEY, "If-None-Match", ifNoneMatch);
        assertEquals(304, answer.status());
        assertEquals(0, answer.bytes().length);
        assertEquals("\"" + KEY + "\"", answer.header("ETag"));
        assertEquals("public, max-age=31536000, immutable", answer.header("Cache-Control"));
        verify(images, never()).load(any());
    }

    @Test
    void aRevalidationOfAPictureThatIsGoneIs404() {
        when(images.contains(KEY)).thenReturn(false);
        web.anonymous().get("/images/" + KEY, "If-None-Match", "\"" + KEY + "\"").problem(404, "NOT_FOUND");
        verify(images, never()).load(any());
    }

    @Test
    void anotherTagIsAnOrdinaryRead() {
        when(images.load(KEY)).thenReturn(Optional.of(new ImageStore.StoredImage(new byte[] {1, 2, 3}, ImageFormat.GIF)));
        Answer answer = web.anonymous().get("/images/" + KEY, "If-None-Match", "\"stale\"");
        assertEquals(200, answer.status());
        assertEquals("image/gif", answer.header("Content-Type"));
        verify(images, never()).contains(any());
    }
}
