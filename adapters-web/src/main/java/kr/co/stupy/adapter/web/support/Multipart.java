package kr.co.stupy.adapter.web.support;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.shared.InvalidInputException;

/** Reads one uploaded picture from a multipart form, checking the size before and while reading. */
public final class Multipart {

    /** The file may be 5 MiB; the form around it gets a little room for its headers. */
    public static final long MAX_REQUEST_BYTES = ImageUpload.MAX_BYTES + 64 * 1024;

    private Multipart() {
    }

    public static ImageUpload image(Context ctx, String field) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw WebProblem.unsupportedMediaType("multipart/form-data with a field '" + field + "'");
        }
        if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
            throw WebProblem.tooLarge("an image is at most 5 MiB");
        }
        UploadedFile file = ctx.uploadedFile(field);
        if (file == null) {
            throw InvalidInputException.of(field, "is required");
        }
        if (file.size() > ImageUpload.MAX_BYTES) {
            throw WebProblem.tooLarge("an image is at most 5 MiB");
        }
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes(ImageUpload.MAX_BYTES + 1);
            if (bytes.length > ImageUpload.MAX_BYTES) {
                throw WebProblem.tooLarge("an image is at most 5 MiB");
            }
            return ImageUpload.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
