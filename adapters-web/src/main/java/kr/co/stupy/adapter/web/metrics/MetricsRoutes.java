package kr.co.stupy.adapter.web.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.function.Supplier;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.HttpMetrics;
import kr.co.stupy.shared.DomainException;

/**
 * {@code GET /metrics} on the main port, for a scraper that sends the scrape token; anyone else gets
 * the same {@code 401} as a bad API token, which tells nothing about the metrics. Registered only when a
 * token is configured: without one the path is a plain 404.
 */
public final class MetricsRoutes implements RouteGroup {

    public static final String PATH = HttpMetrics.SCRAPE_PATH;
    /** Prometheus' text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ScrapeToken token;
    private final Supplier<String> scrape;

    /** {@code scrape} writes the node's metrics in the text format. */
    public MetricsRoutes(ScrapeToken token, Supplier<String> scrape) {
        this.token = token;
        this.scrape = scrape;
    }

    @Override
    public void register(RoutesConfig routes) {
        Handler scrapeIfAllowed = ctx -> {
            if (!token.accepts(ctx.header("Authorization"))) {
                throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", "a valid bearer token is required");
            }
            ctx.header("Cache-Control", "no-store");
            ctx.contentType(CONTENT_TYPE).result(scrape.get());
        };
        routes.get(PATH, scrapeIfAllowed);
        // Without a HEAD route of its own Javalin answers HEAD with an empty 200, token or not.
        routes.head(PATH, scrapeIfAllowed);
    }
}
