package kr.co.stupy.adapter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * A real Redis for tests: {@code STUPY_TEST_REDIS_URI} when set (shared, not ours to stop), else a
 * {@code redis-server} from the PATH on a free port, else the Redis bundled by embedded-redis, so
 * the tests pass on a machine with only a JDK. Ours can be stopped and started again on the same
 * port, empty, as a restarted Redis would be.
 */
public final class TestRedis implements AutoCloseable {

    private final int port;
    private final Optional<URI> outside;
    private Process process;
    private RedisServer embedded;

    private TestRedis(int port, Optional<URI> outside) {
        this.port = port;
        this.outside = outside;
    }

    /** The outside Redis if configured, else one of our own. */
    public static TestRedis shared() {
        String uri = System.getenv("STUPY_TEST_REDIS_URI");
        if (uri != null && !uri.isBlank()) {
            return new TestRedis(-1, Optional.of(URI.create(uri)));
        }
        return own();
    }

    /** Always our own server, which the test may stop and restart. */
    public static TestRedis own() {
        TestRedis redis = new TestRedis(freePort(), Optional.empty());
        redis.start();
        return redis;
    }

    public URI uri() {
        return outside.orElse(URI.create("redis://127.0.0.1:" + port));
    }

    public int port() {
        return port;
    }

    /** Starts (again) on the same port, with nothing in it. */
    public void start() {
        if (outside.isPresent()) {
            throw new IllegalStateException("an outside Redis is not ours to start");
        }
        Optional<Path> binary = onPath("redis-server");
        try {
            if (binary.isPresent()) {
                process = new ProcessBuilder(binary.get().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--protected-mode", "no")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } else {
                embedded = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                        .setting("appendonly no").build();
                embedded.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitListening();
    }

    /** Stops the server abruptly (kill -9 for our own process); its data is gone. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            embedded = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return List.of(path.split(java.io.File.pathSeparator)).stream().map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
