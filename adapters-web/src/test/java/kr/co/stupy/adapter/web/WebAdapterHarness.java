package kr.co.stupy.adapter.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.UserId;

/**
 * One web server on a free port with the route groups under test and a stub authentication: the
 * bearer token {@code t-<userId>} speaks for that user, any other token is {@code 401}. The route
 * groups get stubbed in-ports, so a test sees exactly what the adapter asks of the application and
 * what it makes of the answer. Close it after the test class ({@code @AutoClose}).
 */
public final class WebAdapterHarness implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final String TOKEN_PREFIX = "t-";

    private final List<String> tokensAsked = new CopyOnWriteArrayList<>();
    private final WebServer server;

    private WebAdapterHarness(List<RouteGroup> groups) {
        this.server = new WebServer(new WebSettings("127.0.0.1", 0), Json.mapper(), this::authenticate, groups).start();
    }

    public static WebAdapterHarness serve(RouteGroup... groups) {
        return new WebAdapterHarness(List.of(groups));
    }

    /** The token the stub authentication accepts for {@code user}. */
    public static String tokenFor(UserId user) {
        return TOKEN_PREFIX + user.value();
    }

    /** Requests that speak for {@code user}. */
    public Client as(UserId user) {
        return new Client(Optional.of("Bearer " + tokenFor(user)));
    }

    /** Requests without an {@code Authorization} header. */
    public Client anonymous() {
        return new Client(Optional.empty());
    }

    /** Requests with exactly this {@code Authorization} header. */
    public Client authorizedBy(String authorization) {
        return new Client(Optional.of(authorization));
    }

    /** Every token the server asked the stub authentication about, oldest first. */
    public List<String> tokensAsked() {
        return List.copyOf(tokensAsked);
    }

    public void forgetTokensAsked() {
        tokensAsked.clear();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private UserId authenticate(String token) {
        tokensAsked.add(token);
        return Optional.ofNullable(token).filter(t -> t.startsWith(TOKEN_PREFIX))
                .flatMap(t -> UserId.parse(t.substring(TOKEN_PREFIX.length())))
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED",
                        "the stub knows no such token"));
    }

    /** Sends requests to the harness's server, all with the same {@code Authorization} (or none). */
    public final class Client {

        private final Optional<String> authorization;

        private Client(Optional<String> authorization) {
            this.authorization = authorization;
        }

        public Answer get(String path, String... headers) {
            return send("GET", path, null, new byte[0], headers);
        }

        public Answer delete(String path) {
            return send("DELETE", path, null, new byte[0]);
        }

        public Answer post(String path, String json) {
            return send("POST", path, "application/json", bytes(json));
        }

        public Answer put(String path, String json) {
            return send("PUT", path, "application/json", bytes(json));
        }

        public Answer patch(String path, String json) {
            return send("PATCH", path, "application/json", bytes(json));
        }

        /** A {@code multipart/form-data} body with one file field, as a browser uploads a picture. */
        public Answer putFile(String path, String field, byte[] content) {
            String boundary = "harness-boundary-7c1f";
            ByteArrayOutputStream form = new ByteArrayOutputStream();
            form.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                    + "\"; filename=\"upload.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            form.writeBytes(content);
            form.writeBytes(bytes("\r\n--" + boundary + "--\r\n"));
            return send("PUT", path, "multipart/form-data; boundary=" + boundary, form.toByteArray());
        }

        /** Any request; {@code headers} are name, value pairs. */
        public Answer send(String method, String path, String contentType, byte[] body, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            authorization.ifPresent(value -> request.header("Authorization", value));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
