package kr.co.stupy.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for the contract: JSON in and out, a bearer token when given. Every answer is
 * checked against the OpenAPI document ({@link ApiContract}): one the document does not describe
 * fails the test that received it.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** What came back: the status, the body as JSON (missing when empty or not JSON), the headers, the body's bytes. */
    public record Reply(int status, JsonNode body, String raw, HttpHeaders headers, byte[] bytes) {
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String code() {
            return body.path("code").asText();
        }
    }

    /** A logged-in dev user: its token and id. */
    public record Session(String token, String userId, String nickname) {
    }

    /**
     * Logs in as the guest this test knows by {@code nickname} on this server, or as a new guest of
     * that name the first time (see {@link GuestSecrets}).
     */
    public Session devLogin(String nickname) {
        synchronized (GuestSecrets.lock(base, nickname)) {
            var known = GuestSecrets.of(base, nickname);
            Reply reply = send("POST", "/api/auth/dev-login", null,
                    known.<Map<String, Object>>map(secret -> Map.of("guestSecret", secret)).orElse(Map.of("nickname", nickname)));
            if (reply.status() == 401 && known.isPresent()) {
                // The guest is gone (its account was deleted): this nickname names a new guest now.
                GuestSecrets.forget(base, nickname);
                return devLogin(nickname);
            }
            if (reply.status() != 200) {
                throw new IllegalStateException("dev login failed: " + reply.status() + " " + reply.raw());
            }
            GuestSecrets.remember(base, nickname, reply.body().get("guestSecret").asText());
            return new Session(reply.body().get("token").asText(), reply.body().at("/user/id").asText(), nickname);
        }
    }

    /** The secret of the guest this test knows by {@code nickname} here. */
    public String guestSecretOf(String nickname) {
        return GuestSecrets.of(base, nickname).orElseThrow(() -> new IllegalStateException("no guest named " + nickname + " yet"));
    }

    /** A room of {@code title} (room for 10) owned by {@code owner} and joined by {@code members}; returns its id. */
    public String openRoom(Session owner, String title, Session... members) {
        Reply created = post("/api/rooms", owner, Map.of("title", title, "description", "같이 공부해요", "maxMembers", 10));
        if (created.status() != 201) {
            throw new IllegalStateException("room not created: " + created.status() + " " + created.raw());
        }
        String roomId = created.body().get("id").asText();
        for (Session member : members) {
            Reply joined = post("/api/rooms/" + roomId + "/members", member, Map.of());
            if (joined.status() != 200) {
                throw new IllegalStateException("join refused: " + joined.status() + " " + joined.raw());
            }
        }
        return roomId;
    }

    public Reply get(String path, Session as) {
        return send("GET", path, as, null);
    }

    public Reply post(String path, Session as, Object body) {
        return send("POST", path, as, body);
    }

    public Reply patch(String path, Session as, Object body) {
        return send("PATCH", path, as, body);
    }

    public Reply put(String path, Session as, Object body) {
        return send("PUT", path, as, body);
    }

    public Reply delete(String path, Session as) {
        return send("DELETE", path, as, null);
    }

    public Reply send(String method, String path, Session as, Object body) {
        try {
            byte[] bytes = body == null ? null : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
            return raw(method, path, as == null ? null : as.token(), bytes == null ? null : "application/json", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any request, exactly as given: for wrong media types, broken bodies and forged tokens. */
    public Reply raw(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return exchange(request);
    }

    /** A GET that a cache holding {@code etag} would send to revalidate it. */
    public Reply conditionalGet(String path, String etag) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("If-None-Match", etag).GET());
    }

    private Reply exchange(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String raw = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = raw.isEmpty() ? MissingNode.getInstance() : JSON.readTree(raw);
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
            Reply reply = new Reply(response.statusCode(), json, raw, response.headers(), response.body());
            ApiContract.get().check(request.method(), request.uri().getPath(), reply.status(), reply.contentType(), raw);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart upload of one file field. */
    public Reply upload(String method, String path, Session as, String field, String fileName, String fileType, byte[] content) {
        String boundary = "----stupy" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + fileType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return raw(method, path, as == null ? null : as.token(), "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
