package kr.co.stupy.adapter.web.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.EntityTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the single-page app from a classpath folder at {@code /} ({@code /} is its
 * {@code index.html}). The files are listed once at start and each gets its own exact GET and HEAD
 * route, so only files that exist are reachable: a path with {@code ..},
 * an encoded separator or a backslash matches no route and is a plain 404, and unknown paths under
 * {@code /api} keep their 404 instead of turning into 405 as a catch-all route would make them.
 * <p>
 * Every answer carries a strong ETag from the content and {@code Cache-Control: no-cache}, so a
 * browser always revalidates and a new deployment is picked up at once, while an unchanged file
 * costs a 304 without a body.
 * <p>
 * The app is installable: {@code sw.js} (its service worker, served from the root so that it may
 * control every page) gets the shell's ({@code AppShell}) version and file list written into it here,
 * so any changed file makes a new worker; every answer says that version in {@value #SHELL_VERSION_HEADER},
 * and the manifest is also served at {@code /manifest.json}, where some tools look for it.
 */
public final class StaticSiteRoutes implements RouteGroup {

    /**
     * No inline script or style and nothing from other origins but pictures (profile images may be
     * remote). {@code connect-src 'self'} also covers the same-origin WebSocket ({@code ws:}/{@code wss:}
     * of this host, CSP level 3), which the browser test checks.
     */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob: https:",
            "media-src 'self' blob: mediastream:",
            "connect-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    /** The shell version of the site that answered, which the service worker compares with its own. */
    public static final String SHELL_VERSION_HEADER = "X-Shell-Version";

    private static final Logger LOG = LoggerFactory.getLogger(StaticSiteRoutes.class);
    private static final String INDEX = AppShell.INDEX;
    private static final String MANIFEST = "manifest.webmanifest";
    private static final String MANIFEST_ALIAS = "/manifest.json";

    private final SortedMap<String, SiteFile> files;
    private final AppShell shell;

    /** The app in {@code classpathRoot} (e.g. {@code public}) as this class's loader sees it. */
    public StaticSiteRoutes(String classpathRoot) {
        this(StaticSiteRoutes.class.getClassLoader(), classpathRoot);
    }

    public StaticSiteRoutes(ClassLoader loader, String classpathRoot) {
        this.files = new TreeMap<>(ClasspathFolder.read(loader, classpathRoot));
        if (!files.containsKey(INDEX)) {
            LOG.warn("no {} under classpath folder '{}': the web app is not served", INDEX, classpathRoot);
        }
        this.shell = AppShell.of(files);
        SiteFile worker = files.get(AppShell.WORKER);
        if (worker != null) {
            if (!AppShell.fillable(worker.content())) {
                LOG.warn("{} has no shell placeholders: its cache version never changes", AppShell.WORKER);
            }
            files.put(AppShell.WORKER, SiteFile.of(AppShell.WORKER, shell.fillIn(worker.content())));
        }
    }

    /** The shell's version: a hash over every file of the site, as {@code sw.js} and every answer carry it. */
    public String shellVersion() {
        return shell.version();
    }

    /** The served paths (relative to {@code /}), for tests and the start-up log. */
    public Set<String> paths() {
        return Collections.unmodifiableSet(files.keySet());
    }

    @Override
    public void register(RoutesConfig routes) {
        Optional.ofNullable(files.get(INDEX)).ifPresent(index -> route(routes, "/", index));
        Optional.ofNullable(files.get(MANIFEST)).ifPresent(manifest -> route(routes, MANIFEST_ALIAS, manifest));
        for (Map.Entry<String, SiteFile> file : files.entrySet()) {
            route(routes, "/" + file.getKey(), file.getValue());
        }
    }

    /** HEAD needs its own route: Javalin answers a HEAD without one with an empty 200 and none of these headers. */
    private void route(RoutesConfig routes, String path, SiteFile file) {
        Handler handler = serve(file);
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private Handler serve(SiteFile file) {
        String version = shell.version();
        return ctx -> {
            ctx.header("Cache-Control", "no-cache");
            ctx.header("ETag", file.etag());
            ctx.header(SHELL_VERSION_HEADER, version);
            // On every file, not only pages: an SVG opened on its own is a document that could run script.
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            if (EntityTags.matches(ctx.header("If-None-Match"), file.etag())) {
                ctx.status(304);
                return;
            }
            ctx.contentType(file.mediaType()).result(file.content());
        };
    }
}
