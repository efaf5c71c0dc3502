package kr.co.stupy.bootstrap.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import kr.co.stupy.adapter.web.metrics.MetricsRoutes;
import kr.co.stupy.adapter.web.metrics.ScrapeToken;

/**
 * A listener of its own for {@code GET /metrics} ({@code STUPY_METRICS_PORT}), on the JDK's small
 * HTTP server: nothing of the main port's routes, limits or logs, so a scraper reaches it while
 * the main port is saturated, and it can stay on an address users never reach. Every other path is
 * a 404; with a token it answers only a scraper that sends it.
 */
final class MetricsListener implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Optional<ScrapeToken> token;
    private final Supplier<String> scrape;

    private MetricsListener(HttpServer server, Optional<ScrapeToken> token, Supplier<String> scrape) {
        this.server = server;
        this.token = token;
        this.scrape = scrape;
    }

    static MetricsListener start(String host, int port, Optional<ScrapeToken> token, Supplier<String> scrape) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            MetricsListener listener = new MetricsListener(server, token, scrape);
            server.createContext("/", listener::handle);
            server.setExecutor(listener.handlers);
            server.start();
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException("STUPY_METRICS_PORT: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals(MetricsRoutes.PATH)) {
                answer(exchange, 404, "not found\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                answer(exchange, 405, "method not allowed\n");
            } else if (token.isPresent() && !token.get().accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                answer(exchange, 401, "unauthorized\n");
            } else {
                exchange.getResponseHeaders().set("Content-Type", MetricsRoutes.CONTENT_TYPE);
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                answer(exchange, 200, method.equals("HEAD") ? null : scrape.get());
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
