package kr.co.stupy.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;
import java.util.stream.Stream;
import kr.co.stupy.adapter.web.support.ConnectionGuard;
import kr.co.stupy.adapter.web.support.ErrorHandling;
import kr.co.stupy.adapter.web.support.HttpMetrics;
import kr.co.stupy.adapter.web.support.JettyErrors;
import kr.co.stupy.adapter.web.support.JettyMetrics;
import kr.co.stupy.adapter.web.support.Multipart;
import kr.co.stupy.adapter.web.support.RequestIds;
import kr.co.stupy.application.identity.port.in.AuthenticateUseCase;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP and WebSocket edge: Javalin on virtual threads, every route group, one error language. */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String STARTED_AT = "stupy.startedAt";

    private final Javalin app;
    private final WebSettings settings;
    private final MeterRegistry registry;
    private final HttpMetrics http;
    private NetworkConnectionLimit connectionLimit;

    /** A server whose requests are timed nowhere (a registry without backends records nothing). */
    public WebServer(WebSettings settings, ObjectMapper mapper, AuthenticateUseCase authenticate, List<RouteGroup> groups) {
        this(settings, mapper, authenticate, groups, new CompositeMeterRegistry());
    }

    /** A server that times its requests, and reports Jetty's threads and connections, in {@code registry}. */
    public WebServer(WebSettings settings, ObjectMapper mapper, AuthenticateUseCase authenticate, List<RouteGroup> groups,
                     MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        this.http = new HttpMetrics(registry);
        ErrorHandling errors = new ErrorHandling(mapper);
        BearerAuthentication bearer = new BearerAuthentication(authenticate);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = Multipart.MAX_REQUEST_BYTES;
            config.http.generateEtags = true;
            config.jetty.multipartConfig.maxFileSize(Multipart.MAX_REQUEST_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(Multipart.MAX_REQUEST_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jsonMapper(new JavalinJackson(mapper, true));
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyErrors(mapper, settings.https()));
                // Past the cap the node stops accepting (callers wait in the backlog) instead of running out of file descriptors.
                connectionLimit = new NetworkConnectionLimit(settings.maxConnections(), server);
                server.addBean(connectionLimit);
                server.addBean(new ConnectionGuard(server, settings.maxConnectionsPerAddress(), settings.requestHeadDeadline()));
            });
            config.routes.before(ctx -> {
                ctx.attribute(STARTED_AT, System.nanoTime());
                RequestIds.assign(ctx);
                securityHeaders(ctx, settings.https());
            });
            config.routes.beforeMatched(ctx -> {
                RequestIds.route(ctx);
                bearer.filter(ctx);
            });
            config.routes.after(this::logRequest);
            errors.register(config.routes);
            groups.forEach(group -> group.register(config.routes));
        });
    }

    public WebServer start() {
        app.start(settings.host(), settings.port());
        JettyMetrics.bind(registry, app.jettyServer().threadPool(), connectionLimit);
        LOG.info("listening on http://{}:{}", settings.host(), app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * Every route the groups registered, as {@code "GET /api/rooms/{id}"}; WebSocket routes as
     * {@code "WS /ws/rooms/{roomId}"}; not the filters that run before and after them. The API
     * description's tests compare these with the document.
     */
    public List<String> routes() {
        var router = app.unsafe.internalRouter;
        return Stream.concat(
                router.allHttpHandlers().stream().map(parsed -> parsed.endpoint).filter(endpoint -> endpoint.method.isHttpMethod())
                        .map(endpoint -> endpoint.method.name() + " " + endpoint.path),
                router.allWsHandlers().stream().map(ws -> "WS " + ws.getPath())).toList();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void securityHeaders(Context ctx, boolean https) {
        if (https) {
            // Users reach this node through https (its public URL): browsers keep to https for a year.
            ctx.header("Strict-Transport-Security", JettyErrors.HSTS);
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private void logRequest(Context ctx) {
        Long startedAt = ctx.attribute(STARTED_AT);
        long nanos = startedAt == null ? -1 : System.nanoTime() - startedAt;
        if (nanos >= 0) {
            http.record(ctx, nanos);
        }
        LOG.info("{} {} -> {} in {} µs", ctx.method(), ctx.path(), ctx.statusCode(), nanos < 0 ? -1 : nanos / 1000);
        RequestIds.clear();
    }
}
