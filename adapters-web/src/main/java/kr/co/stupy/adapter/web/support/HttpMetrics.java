package kr.co.stupy.adapter.web.support;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP request Javalin answers, by method, route template and status. The route is
 * the template that matched ({@code /api/rooms/{roomId}}), never the path a client sent, so
 * clients cannot make up series; the web app's files share {@value #STATIC}, and a request no
 * route matched is {@value #NOT_FOUND} (or {@value #UNMATCHED} for another status, such as a 405).
 * Requests Jetty refuses before Javalin sees them (a malformed head) are not counted here.
 */
public final class HttpMetrics {

    public static final String REQUESTS = "stupy.http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNMATCHED = "UNMATCHED";
    static final String STATIC = "STATIC";
    /** Where a node's metrics are scraped (MetricsRoutes): a template of its own, like the API's. */
    public static final String SCRAPE_PATH = "/metrics";
    /** Any other method (Javalin accepts made-up ones) is {@code OTHER}. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private record Key(String method, String route, int status) {
    }

    private final MeterRegistry registry;
    /** One timer per key, found without building tags again: a request costs one small record and a map lookup. */
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a request that took {@code nanos}; call it once the status is final (in an after-handler). */
    public void record(Context ctx, long nanos) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        int status = ctx.statusCode();
        Key key = new Key(method(ctx.method().name()), route(matched == null ? null : matched.path, status), status);
        timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(REQUESTS)
                .description("HTTP requests answered by this node, by method, route template and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    static String method(String name) {
        return METHODS.contains(name) ? name : "OTHER";
    }

    /** The route tag of a request that matched {@code template} (null: none) and was answered {@code status}. */
    static String route(String template, int status) {
        if (template == null) {
            return status == 404 ? NOT_FOUND : UNMATCHED;
        }
        // The API and the scrape keep their templates; the app's files (one exact route each) would be dozens of series.
        return template.startsWith("/api/") || template.equals(SCRAPE_PATH) ? template : STATIC;
    }
}
