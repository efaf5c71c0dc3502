package kr.co.stupy.bootstrap.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stupy's {@code Main} in a child JVM, for what only a real process shows: a crash with
 * {@code kill -9}, a SIGTERM, an exit code. Output is collected; readiness is the line Main prints.
 */
public final class StupyProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Stupy is ready on port (\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();
    private final java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);

    private StupyProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        ready.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            } finally {
                drained.countDown();
                ready.completeExceptionally(new IllegalStateException("Stupy exited before it was ready:\n" + String.join("\n", output)));
            }
        });
    }

    /** Starts Main with exactly these settings (on top of a minimal environment) and does not wait. */
    public static StupyProcess launch(Map<String, String> settings) {
        // The node's own logback.xml, as in production: the tests' class path also holds a quieter logback-test.xml.
        return launch(List.of("-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                "kr.co.stupy.bootstrap.Main"), settings);
    }

    /** Starts the shaded jar as users do ({@code java -jar stupy.jar}) and waits until it serves HTTP. */
    public static StupyProcess startJar(Path jar, Map<String, String> settings) {
        StupyProcess child = launch(List.of("-jar", jar.toString()), settings);
        child.awaitReady(Duration.ofSeconds(60));
        return child;
    }

    private static StupyProcess launch(List<String> what, Map<String, String> settings) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:off", "-XX:TieredStopAtLevel=1"));
        command.addAll(what);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("STUPY_"));
        builder.environment().put("STUPY_LIMITS", TestNode.ONE_ADDRESS_LIMITS_SETTING);
        // A test that stops a child with SIGTERM waits for its drain only when it sets one.
        builder.environment().put("STUPY_DRAIN_SECONDS", "0");
        builder.environment().putAll(settings);
        try {
            return new StupyProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Main and waits until it serves HTTP. */
    public static StupyProcess start(Map<String, String> settings) {
        StupyProcess child = launch(settings);
        child.awaitReady(Duration.ofSeconds(60));
        return child;
    }

    public int awaitReady(Duration timeout) {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Stupy did not become ready: " + e.getMessage() + "\n" + String.join("\n", output), e);
        }
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + awaitReady(Duration.ofSeconds(1)));
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing. */
    public void crash() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, as an orchestrator stops a node; returns the exit code. */
    public int terminate(Duration timeout) {
        // Through the handle: Process.destroy() would also close our end of the output pipe and lose the last lines.
        process.toHandle().destroy();
        return waitForExit(timeout);
    }

    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Stupy did not exit within " + timeout);
            }
            // The exit can overtake the last lines of output: read them all before anyone looks.
            drained.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }
}
