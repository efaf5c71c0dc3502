package kr.co.stupy.adapter.web.image;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.EntityTags;
import kr.co.stupy.adapter.web.support.WebProblem;
import kr.co.stupy.application.image.ImageStore;

/**
 * Serves stored pictures. Keys are unguessable and never reused, so a picture can be cached
 * forever; {@code nosniff} plus the type found at upload keeps a picture from being run as a page.
 */
public final class ImageRoutes implements RouteGroup {

    private final ImageStore images;

    public ImageRoutes(ImageStore images) {
        this.images = images;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(ImageUrls.PREFIX + "{key}", this::serve);
    }

    private void serve(Context ctx) {
        String key = ctx.pathParam("key");
        // A key names one picture's bytes for good, so the key itself is a strong validator.
        String etag = "\"" + key + "\"";
        if (EntityTags.matches(ctx.header("If-None-Match"), etag)) {
            // The browser already has the bytes: it only needs to hear the picture still exists.
            if (!images.contains(key)) {
                throw WebProblem.notFound("no such image");
            }
            cacheHeaders(ctx, etag);
            ctx.status(304);
            return;
        }
        ImageStore.StoredImage image = images.load(key).orElseThrow(() -> WebProblem.notFound("no such image"));
        cacheHeaders(ctx, etag);
        ctx.contentType(image.format().mediaType()).result(image.bytes());
    }

    private static void cacheHeaders(Context ctx, String etag) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
    }
}
