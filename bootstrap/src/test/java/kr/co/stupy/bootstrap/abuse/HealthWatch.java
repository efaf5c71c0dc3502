package kr.co.stupy.bootstrap.abuse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks {@code /api/health} every 50 ms while an attack runs, each time on a new connection from
 * 127.0.0.1 (so accepting, parsing and answering are all timed), and keeps how long each answer took.
 * A request that fails or gets no 200 counts as taking forever.
 */
final class HealthWatch implements AutoCloseable {

    private static final Duration GIVE_UP = Duration.ofSeconds(5);
    private static final Duration UNANSWERED = Duration.ofDays(1);

    private final int port;
    private final List<Duration> took = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private HealthWatch(int port) {
        this.port = port;
        this.thread = Thread.ofPlatform().daemon().name("health-watch").start(this::watch);
    }

    static HealthWatch start(int port) {
        return new HealthWatch(port);
    }

    /** Stops watching and gives every answer's time, in order. */
    List<Duration> stop() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (took) {
            return List.copyOf(took);
        }
    }

    /** Whether an ask that took this long got its 200 (one that failed or timed out is kept as a day). */
    static boolean answered(Duration took) {
        return took.compareTo(UNANSWERED) < 0;
    }

    @Override
    public void close() {
        running = false;
    }

    private void watch() {
        while (running) {
            long started = System.nanoTime();
            Duration time = askOnce() ? Duration.ofNanos(System.nanoTime() - started) : UNANSWERED;
            synchronized (took) {
                took.add(time);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean askOnce() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) GIVE_UP.toMillis());
            socket.setSoTimeout((int) GIVE_UP.toMillis());
            socket.getOutputStream().write(("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            return status != null && status.startsWith("HTTP/1.1 200");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
