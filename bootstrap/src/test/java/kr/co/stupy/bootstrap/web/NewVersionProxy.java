package kr.co.stupy.bootstrap.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP front door to a node, on a port (so an origin) of its own, that can make the node look
 * redeployed: after {@link #deployNewVersion()} the service worker it passes on names another shell
 * version, so a browser that installed the worker through it finds an update, as it would after a
 * real deployment. Everything else passes through unchanged (no WebSockets: the tests using it stay
 * off live rooms). Playwright's routing cannot stand in: Chromium fetches a worker's update
 * outside the page, where routes do not reach.
 */
final class NewVersionProxy implements AutoCloseable {

    private static final List<String> REQUEST_HEADERS = List.of("Accept", "Authorization", "Content-Type", "If-None-Match");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Cache-Control", "ETag", "Location",
            "Content-Security-Policy", "X-Shell-Version", "X-Content-Type-Options", "X-Frame-Options");

    private final String target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile boolean newVersion;

    NewVersionProxy(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::pass);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on {@code /sw.js} names the shell version {@code <the node's>-next}. */
    void deployNewVersion() {
        newVersion = true;
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            URI uri = exchange.getRequestURI();
            boolean rewrite = newVersion && uri.getRawPath().equals("/sw.js");
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri.toString()))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : REQUEST_HEADERS) {
                // A rewritten worker is another file than the node's: never a 304 for the node's tag.
                if (!(rewrite && name.equals("If-None-Match"))) {
                    exchange.getRequestHeaders().getOrDefault(name, List.of()).forEach(value -> request.header(name, value));
                }
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = rewrite ? nextVersion(response.body()) : response.body();
            for (String name : RESPONSE_HEADERS) {
                if (!(rewrite && name.equals("ETag"))) {
                    response.headers().allValues(name).forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
            if (!head && answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] nextVersion(byte[] worker) {
        String source = new String(worker, StandardCharsets.UTF_8);
        String rewritten = source.replaceFirst("version: '([A-Za-z0-9_-]+)'", "version: '$1-next'");
        if (rewritten.equals(source)) {
            throw new IllegalStateException("the worker names no shell version");
        }
        return rewritten.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
