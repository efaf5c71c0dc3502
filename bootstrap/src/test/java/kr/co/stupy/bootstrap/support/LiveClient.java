package kr.co.stupy.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A live-room client on the JDK's WebSocket: it keeps every frame it receives, in order, and the
 * close code, and lets a test wait for the next frame of a type. Every frame is checked against the
 * OpenAPI document's {@code ServerFrame}; one it does not describe fails the test at its next wait or at close.
 */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SERVER_FRAME = "#/components/schemas/ServerFrame";

    private final List<JsonNode> frames = new ArrayList<>();
    /** Frames that are not a {@code ServerFrame} of the OpenAPI document, with the reasons; they fail the test. */
    private final List<String> undocumented = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private int consumed;

    private LiveClient(String url) {
        this(url, HttpClient.newHttpClient());
    }

    private LiveClient(String url, HttpClient client) {
        Listener listener = new Listener();
        try {
            socket = client.newWebSocketBuilder().connectTimeout(WAIT)
                    .buildAsync(URI.create(url), listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not open " + url, e);
        }
    }

    public static LiveClient connect(Api api, String roomId, String ticket) {
        return new LiveClient(api.base().replace("http://", "ws://") + "/ws/rooms/" + roomId + "?ticket=" + ticket);
    }

    public static LiveClient enter(Api api, Api.Session who, String roomId) {
        Api.Reply ticket = api.post("/api/rooms/" + roomId + "/live-ticket", who, null);
        if (ticket.status() != 200) {
            throw new IllegalStateException("no ticket: " + ticket.status() + " " + ticket.raw());
        }
        return connect(api, roomId, ticket.body().get("ticket").asText());
    }

    /** As {@link #enter(Api, Api.Session, String)} on a client shared with other connections (hundreds need not mean hundreds of clients). */
    public static LiveClient enter(Api api, Api.Session who, String roomId, HttpClient client) {
        Api.Reply ticket = api.post("/api/rooms/" + roomId + "/live-ticket", who, null);
        if (ticket.status() != 200) {
            throw new IllegalStateException("no ticket: " + ticket.status() + " " + ticket.raw());
        }
        return new LiveClient(api.base().replace("http://", "ws://") + "/ws/rooms/" + roomId + "?ticket="
                + ticket.body().get("ticket").asText(), client);
    }

    public void send(Object frame) {
        try {
            send(JSON.writeValueAsString(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    /** The next frame of this type after the last one taken; frames of other types are skipped but kept. */
    public JsonNode next(String type) {
        return next(frame -> type.equals(frame.path("type").asText()), type);
    }

    public JsonNode next(Predicate<JsonNode> wanted, String what) {
        return next(wanted, what, WAIT);
    }

    /** As {@link #next(Predicate, String)}, waiting up to {@code wait} (for what takes long by design, such as reaping a dead node). */
    public JsonNode next(Predicate<JsonNode> wanted, String what, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (frames) {
            while (true) {
                assertFramesDocumented();
                for (int i = consumed; i < frames.size(); i++) {
                    if (wanted.test(frames.get(i))) {
                        consumed = i + 1;
                        return frames.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " frame within " + wait + "; got " + frames);
                }
                try {
                    frames.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Every frame received so far. */
    public List<JsonNode> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    public List<JsonNode> frames(String type) {
        return frames().stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    /** Waits for the server to close the connection and returns the close code. */
    public int closeCode() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the connection was not closed; frames: " + frames(), e);
        }
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /** Fails when a frame received so far is not as the OpenAPI document's {@code ServerFrame} describes it. */
    public void assertFramesDocumented() {
        synchronized (frames) {
            if (!undocumented.isEmpty()) {
                throw new AssertionError("frames not as the OpenAPI document describes them:\n  " + String.join("\n  ", undocumented));
            }
        }
    }

    /** Closes the connection, and fails if a frame it received was not as the document describes it. */
    @Override
    public void close() {
        closeQuietly();
        assertFramesDocumented();
    }

    private void closeQuietly() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            try {
                closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    String text = partial.toString();
                    JsonNode frame = JSON.readTree(text);
                    List<String> problems = ApiContract.get().schemaProblems(SERVER_FRAME, text);
                    synchronized (frames) {
                        if (!problems.isEmpty()) {
                            undocumented.add(text + " " + problems);
                        }
                        frames.add(frame);
                        frames.notifyAll();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
