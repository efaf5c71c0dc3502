package kr.co.stupy.adapter.web.docs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.site.SiteFile;
import kr.co.stupy.adapter.web.site.StaticSiteRoutes;
import kr.co.stupy.adapter.web.support.EntityTags;
import kr.co.stupy.adapter.web.support.WebProblem;

/**
 * The API described: {@code GET /api/openapi.json} (the OpenAPI document) and {@code GET /api/docs}, a
 * page that shows it with Swagger UI. Swagger UI's files come from the {@code org.webjars:swagger-ui}
 * jar on the classpath, so nothing is fetched from a CDN, and the page runs under the web app's own
 * Content-Security-Policy: its one script of ours ({@code docs.js}) is a file, not inline. None of
 * these need a token ({@code BearerAuthentication}); everything is read once, at start.
 */
public final class ApiDocsRoutes implements RouteGroup {

    public static final String DOCUMENT_PATH = "/api/openapi.json";
    public static final String PAGE_PATH = "/api/docs";
    private static final String OURS = "api-docs/";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final List<String> SWAGGER_UI_FILES = List.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-16x16.png",
            "favicon-32x32.png");
    private static final List<String> OUR_FILES = List.of("docs.css", "docs.js");

    private final SiteFile document;
    private final SiteFile page;
    /** File name → file, for {@code /api/docs/{file}}. */
    private final Map<String, SiteFile> files = new LinkedHashMap<>();

    public ApiDocsRoutes() {
        ClassLoader loader = ApiDocsRoutes.class.getClassLoader();
        this.document = SiteFile.of("openapi.json", OpenApiDocument.json());
        this.page = SiteFile.of("index.html", bytes(loader, OURS + "index.html"));
        String webjar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion(loader) + "/";
        SWAGGER_UI_FILES.forEach(name -> files.put(name, SiteFile.of(name, bytes(loader, webjar + name))));
        OUR_FILES.forEach(name -> files.put(name, SiteFile.of(name, bytes(loader, OURS + name))));
    }

    /** The names {@code /api/docs/{file}} serves. */
    public List<String> fileNames() {
        return List.copyOf(files.keySet());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(DOCUMENT_PATH, ctx -> serve(ctx, document));
        routes.get(PAGE_PATH, ctx -> serve(ctx, page));
        routes.get(PAGE_PATH + "/{file}", ctx -> {
            SiteFile file = files.get(ctx.pathParam("file"));
            if (file == null) {
                throw WebProblem.notFound("no such file of the documentation page");
            }
            serve(ctx, file);
        });
    }

    private static void serve(Context ctx, SiteFile file) {
        // Revalidated each time (the files change with a deployment), a 304 when the browser's copy is current.
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        ctx.header("Content-Security-Policy", StaticSiteRoutes.CONTENT_SECURITY_POLICY);
        if (EntityTags.matches(ctx.header("If-None-Match"), file.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.mediaType()).result(file.content());
    }

    /** The version of the swagger-ui jar on the classpath, which names the folder its files are in. */
    private static String swaggerUiVersion(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
