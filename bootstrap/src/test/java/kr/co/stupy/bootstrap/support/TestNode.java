package kr.co.stupy.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.bootstrap.Stupy;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;

/**
 * A real Stupy node for tests: the production wiring, the embedded database in a fresh data
 * directory under {@code target/}, HTTP on a free port. Close it when done.
 */
public final class TestNode implements AutoCloseable {

    /**
     * Every test client is 127.0.0.1, so the budgets kept per client address (new guests, logins)
     * are off on test nodes; every other budget keeps its default. Tests of those budgets start a
     * node with {@link Settings#withLimits} of their own.
     */
    public static final Budgets ONE_ADDRESS_LIMITS = new Budgets(Map.of(
            Budgets.GUEST_SIGNUP_PER_ADDRESS.name(), Budget.unlimited(Budgets.GUEST_SIGNUP_PER_ADDRESS.name()),
            Budgets.LOGIN_PER_ADDRESS.name(), Budget.unlimited(Budgets.LOGIN_PER_ADDRESS.name())));
    /** For benchmark programs, which ask one user for hundreds of searches and statistics on purpose. */
    public static final Budgets BENCHMARK_LIMITS = new Budgets(Map.of(
            Budgets.GUEST_SIGNUP_PER_ADDRESS.name(), Budget.unlimited(Budgets.GUEST_SIGNUP_PER_ADDRESS.name()),
            Budgets.LOGIN_PER_ADDRESS.name(), Budget.unlimited(Budgets.LOGIN_PER_ADDRESS.name()),
            Budgets.READ_PER_USER.name(), Budget.unlimited(Budgets.READ_PER_USER.name())));
    /** {@link #ONE_ADDRESS_LIMITS} as a child process's {@code STUPY_LIMITS}. */
    public static final String ONE_ADDRESS_LIMITS_SETTING = Budgets.GUEST_SIGNUP_PER_ADDRESS.name() + "=off,"
            + Budgets.LOGIN_PER_ADDRESS.name() + "=off";

    private final Stupy node;
    private final Path dataDir;
    private final Api api;

    private TestNode(Stupy node, Path dataDir) {
        this.node = node;
        this.dataDir = dataDir;
        this.api = new Api("http://127.0.0.1:" + node.port());
    }

    public static TestNode start() {
        return start(Optional.of(true));
    }

    public static TestNode start(Optional<Boolean> devLogin) {
        return start(settings(freshDataDir(), devLogin));
    }

    public static TestNode start(Settings settings) {
        return new TestNode(Stupy.start(settings), settings.dataDir());
    }

    public static Settings settings(Path dataDir, Optional<Boolean> devLogin) {
        return new Settings(0, dataDir, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                devLogin, ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.empty(),
                Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(), List.of()).withLimits(ONE_ADDRESS_LIMITS);
    }

    /** Settings with social login providers (e.g. pointing at a local stand-in) and a public URL. */
    public static Settings settings(Path dataDir, Optional<Boolean> devLogin, URI publicUrl,
                                    Settings.OAuthClientSettings kakao, Settings.OAuthClientSettings naver) {
        return new Settings(0, dataDir, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                devLogin, ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.of(publicUrl), kakao, naver, List.of()).withLimits(ONE_ADDRESS_LIMITS);
    }

    /** Settings for a node whose embedded database other clients (a benchmark's loader) reach on {@code port}. */
    public static Settings exposingEmbeddedDatabase(Path dataDir, int port) {
        return new Settings(0, dataDir, Optional.empty(), Optional.of(port), Optional.empty(), Optional.empty(),
                Optional.of(true), ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.empty(),
                Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(), List.of()).withLimits(ONE_ADDRESS_LIMITS);
    }

    /** Settings for a node on an outside database that the test can look into itself. */
    public static Settings onDatabase(String mongoUri) {
        return new Settings(0, freshDataDir(), Optional.of(mongoUri), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(true), ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.empty(),
                Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(), List.of()).withLimits(ONE_ADDRESS_LIMITS);
    }

    /**
     * A fresh data directory for a node, under the module's {@code target/} so that a clean build
     * removes it; tests that restart a node on the same directory keep it for the whole run.
     */
    public static Path freshDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-nodes").toAbsolutePath()), "node-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return api;
    }

    public int port() {
        return node.port();
    }

    /** The port of the node's metrics listener ({@code STUPY_METRICS_PORT}), when it has one. */
    public Optional<Integer> metricsPort() {
        return node.metricsPort();
    }

    /** Every route the node registered, as {@code "GET /api/rooms/{id}"} or {@code "WS /ws/rooms/{roomId}"}. */
    public List<String> routes() {
        return node.routes();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The connection string, with its credential, that other nodes use to share this node's exposed embedded database. */
    public String embeddedDatabaseUri() {
        try {
            return Files.readString(dataDir.resolve(EmbeddedMongo.URI_FILE_NAME)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("this node does not expose its embedded database", e);
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
