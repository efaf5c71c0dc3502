package kr.co.stupy.adapter.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.WebServer;
import kr.co.stupy.adapter.web.WebSettings;
import kr.co.stupy.adapter.web.metrics.MetricsRoutes;
import kr.co.stupy.adapter.web.metrics.ScrapeToken;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A real server times each request under the route template it matched and its final status,
 * never the path sent; Jetty's gauges are there; {@code /metrics} answers only its token.
 */
class HttpMetricsTest {

    static final String TOKEN = "metrics-test-token-0123456789";
    static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    static final RouteGroup PROBES = routes -> {
        // Under /api/auth/, which needs no bearer token, so the probes answer without one.
        routes.get("/api/auth/items/{id}", ctx -> {
            if (ctx.pathParam("id").equals("bad")) {
                throw InvalidInputException.of("id", "is bad");
            }
            ctx.result("item");
        });
        routes.get("/app.js", ctx -> ctx.result("app"));
    };
    static final WebServer server = new WebServer(new WebSettings("127.0.0.1", 0), Json.mapper(), token -> {
        throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", "no");
    }, List.of(PROBES, new MetricsRoutes(new ScrapeToken(TOKEN), () -> "scraped 1\n")), registry).start();
    static final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void requestsAreTimedByTemplateMethodAndStatus() throws Exception {
        assertEquals(200, send("GET", "/api/auth/items/one", null).statusCode());
        assertEquals(200, send("GET", "/api/auth/items/two", null).statusCode());
        assertEquals(400, send("GET", "/api/auth/items/bad", null).statusCode());
        assertEquals(404, send("GET", "/nothing/here/12345", null).statusCode());
        assertEquals(405, send("DELETE", "/api/auth/items/one", null).statusCode());
        assertEquals(200, send("GET", "/app.js", null).statusCode());

        assertEquals(2, count("GET", "/api/auth/items/{id}", "200"));
        assertEquals(1, count("GET", "/api/auth/items/{id}", "400"));
        assertEquals(1, count("GET", "NOT_FOUND", "404"));
        assertEquals(1, count("DELETE", "UNMATCHED", "405"));
        assertEquals(1, count("GET", "STATIC", "200"));
        Set<String> routes = new TreeSet<>();
        registry.find(HttpMetrics.REQUESTS).timers().forEach(t -> routes.add(t.getId().getTag("route")));
        assertFalse(routes.stream().anyMatch(route -> route.contains("one") || route.contains("nothing")), "no raw path: " + routes);
    }

    @Test
    void theRouteTagIsBounded() {
        assertEquals("/api/rooms/{id}", HttpMetrics.route("/api/rooms/{id}", 200));
        assertEquals("/metrics", HttpMetrics.route("/metrics", 401));
        assertEquals("STATIC", HttpMetrics.route("/sw.js", 304));
        assertEquals("NOT_FOUND", HttpMetrics.route(null, 404));
        assertEquals("UNMATCHED", HttpMetrics.route(null, 405));
        assertEquals("OTHER", HttpMetrics.method("BREW"));
        assertEquals("PATCH", HttpMetrics.method("PATCH"));
    }

    @Test
    void jettysThreadsAndConnectionsAreReported() {
        assertTrue(registry.get("jetty.connections.max").gauge().value() >= 1);
        registry.get("jetty.connections.current").gauge();
        registry.get("jetty.threads.current").gauge();
    }

    @Test
    void theScrapeAnswersOnlyItsToken() throws Exception {
        assertEquals(401, send("GET", "/metrics", null).statusCode());
        assertEquals(401, send("GET", "/metrics", "Bearer not-" + TOKEN).statusCode());
        assertEquals(401, send("HEAD", "/metrics", null).statusCode());
        assertEquals(200, send("HEAD", "/metrics", "Bearer " + TOKEN).statusCode());
        HttpResponse<String> scraped = send("GET", "/metrics", "Bearer " + TOKEN);
        assertEquals(200, scraped.statusCode());
        assertEquals("scraped 1\n", scraped.body());
        assertEquals(MetricsRoutes.CONTENT_TYPE, scraped.headers().firstValue("Content-Type").orElse(""));
    }

    private static long count(String method, String route, String status) {
        Timer timer = registry.find(HttpMetrics.REQUESTS).tag("method", method).tag("route", route).tag("status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    private static HttpResponse<String> send(String method, String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
