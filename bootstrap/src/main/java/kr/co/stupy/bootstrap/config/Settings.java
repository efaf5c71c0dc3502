package kr.co.stupy.bootstrap.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.adapter.oauth.ProviderEndpoints;
import kr.co.stupy.adapter.web.clientconfig.IceServer;
import kr.co.stupy.application.limits.Budgets;

/**
 * Every setting of a Stupy node, read from environment variables. Each value is checked here, so a
 * bad one stops start-up with a one-line message naming the variable instead of failing later.
 */
public record Settings(
        int port,
        Path dataDir,
        Optional<String> mongoUri,
        Optional<Integer> embeddedMongoPort,
        Optional<String> redisUri,
        Optional<String> jwtSecret,
        Optional<Boolean> devLogin,
        ZoneId timezone,
        LocalTime dayStart,
        Optional<URI> publicUrl,
        OAuthClientSettings kakao,
        OAuthClientSettings naver,
        List<IceServer> iceServers,
        Budgets limits,
        ConnectionCaps connectionCaps,
        MetricsSettings metrics) {

    public static final int MIN_JWT_SECRET_BYTES = 32;

    public Settings {
        iceServers = List.copyOf(iceServers);
        limits = limits == null ? Budgets.defaults() : limits;
        connectionCaps = connectionCaps == null ? ConnectionCaps.defaults() : connectionCaps;
        metrics = metrics == null ? MetricsSettings.off() : metrics;
    }

    /** Every setting but the connection caps and the metrics, which keep their defaults (metrics off). */
    public Settings(int port, Path dataDir, Optional<String> mongoUri, Optional<Integer> embeddedMongoPort, Optional<String> redisUri,
                    Optional<String> jwtSecret, Optional<Boolean> devLogin, ZoneId timezone, LocalTime dayStart, Optional<URI> publicUrl,
                    OAuthClientSettings kakao, OAuthClientSettings naver, List<IceServer> iceServers, Budgets limits) {
        this(port, dataDir, mongoUri, embeddedMongoPort, redisUri, jwtSecret, devLogin, timezone, dayStart, publicUrl, kakao, naver,
                iceServers, limits, ConnectionCaps.defaults(), MetricsSettings.off());
    }

    /**
     * How many connections the node keeps open: of all clients together, and of one client address.
     * The benchmark (10,000 live connections from 127.0.0.1) raises both.
     */
    public record ConnectionCaps(int maxConnections, int maxPerAddress) {
        public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
        public static final int DEFAULT_MAX_PER_ADDRESS = 256;

        public ConnectionCaps {
            if (maxConnections < 1 || maxPerAddress < 1) {
                throw new IllegalArgumentException("connection caps must be at least 1");
            }
        }

        public static ConnectionCaps defaults() {
            return new ConnectionCaps(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PER_ADDRESS);
        }
    }

    /** Every setting but the limits, which keep their defaults. */
    public Settings(int port, Path dataDir, Optional<String> mongoUri, Optional<Integer> embeddedMongoPort, Optional<String> redisUri,
                    Optional<String> jwtSecret, Optional<Boolean> devLogin, ZoneId timezone, LocalTime dayStart, Optional<URI> publicUrl,
                    OAuthClientSettings kakao, OAuthClientSettings naver, List<IceServer> iceServers) {
        this(port, dataDir, mongoUri, embeddedMongoPort, redisUri, jwtSecret, devLogin, timezone, dayStart, publicUrl, kakao, naver,
                iceServers, Budgets.defaults());
    }

    /** The same settings with the study day in {@code zone} starting at {@code start} (tests put "now" before a day start). */
    public Settings withStudyDay(ZoneId zone, LocalTime start) {
        return new Settings(port, dataDir, mongoUri, embeddedMongoPort, redisUri, jwtSecret, devLogin, zone, start, publicUrl,
                kakao, naver, iceServers, limits, connectionCaps, metrics);
    }

    /** These settings with other limits. */
    public Settings withLimits(Budgets newLimits) {
        return new Settings(port, dataDir, mongoUri, embeddedMongoPort, redisUri, jwtSecret, devLogin, timezone, dayStart, publicUrl,
                kakao, naver, iceServers, newLimits, connectionCaps, metrics);
    }

    /** These settings with other connection caps. */
    public Settings withConnectionCaps(ConnectionCaps caps) {
        return new Settings(port, dataDir, mongoUri, embeddedMongoPort, redisUri, jwtSecret, devLogin, timezone, dayStart, publicUrl,
                kakao, naver, iceServers, limits, caps, metrics);
    }

    /** These settings with other metrics settings. */
    public Settings withMetrics(MetricsSettings newMetrics) {
        return new Settings(port, dataDir, mongoUri, embeddedMongoPort, redisUri, jwtSecret, devLogin, timezone, dayStart, publicUrl,
                kakao, naver, iceServers, limits, connectionCaps, newMetrics);
    }

    /** Users reach this node through https (its public URL says so), so its answers carry HSTS. */
    public boolean servesHttps() {
        return effectivePublicUrl().getScheme().equalsIgnoreCase("https");
    }

    /**
     * One social login provider: enabled when its client id is set. The two base URLs default to the
     * provider's real hosts and are settings so tests (or a proxy) can stand in for them.
     */
    public record OAuthClientSettings(Optional<String> clientId, Optional<String> clientSecret, URI authUrl, URI apiUrl) {

        public static final URI KAKAO_AUTH = ProviderEndpoints.KAKAO_AUTH;
        public static final URI KAKAO_API = ProviderEndpoints.KAKAO_API;
        public static final URI NAVER_AUTH = ProviderEndpoints.NAVER_AUTH;
        public static final URI NAVER_API = ProviderEndpoints.NAVER_API;

        public OAuthClientSettings {
            clientId = clientId == null ? Optional.empty() : clientId;
            clientSecret = clientSecret == null ? Optional.empty() : clientSecret;
            if (authUrl == null || apiUrl == null) {
                throw new IllegalArgumentException("both provider base URLs are required");
            }
        }

        public static OAuthClientSettings kakaoDisabled() {
            return new OAuthClientSettings(Optional.empty(), Optional.empty(), KAKAO_AUTH, KAKAO_API);
        }

        public static OAuthClientSettings naverDisabled() {
            return new OAuthClientSettings(Optional.empty(), Optional.empty(), NAVER_AUTH, NAVER_API);
        }

        public boolean enabled() {
            return clientId.isPresent();
        }
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        EnvironmentReader r = new EnvironmentReader(env);
        Optional<String> mongoUri = r.optional("STUPY_MONGO_URI").map(v -> r.mongoUri("STUPY_MONGO_URI", v));
        Optional<Integer> embeddedPort = r.optional("STUPY_EMBEDDED_MONGO_PORT").map(v -> r.port("STUPY_EMBEDDED_MONGO_PORT", v, 1));
        if (mongoUri.isPresent() && embeddedPort.isPresent()) {
            throw new SettingsException("STUPY_EMBEDDED_MONGO_PORT",
                    "only applies to the embedded database; leave it unset when STUPY_MONGO_URI is set");
        }
        int port = r.optional("STUPY_PORT").map(v -> r.port("STUPY_PORT", v, 0)).orElse(8080);
        return new Settings(
                port,
                r.optional("STUPY_DATA_DIR").map(v -> r.path("STUPY_DATA_DIR", v)).orElse(Path.of("data")).toAbsolutePath().normalize(),
                mongoUri,
                embeddedPort,
                r.optional("STUPY_REDIS_URI").map(v -> r.redisUri("STUPY_REDIS_URI", v)),
                r.optional("STUPY_JWT_SECRET").map(v -> r.jwtSecret("STUPY_JWT_SECRET", v)),
                r.optional("STUPY_DEV_LOGIN").map(v -> r.bool("STUPY_DEV_LOGIN", v)),
                r.optional("STUPY_TIMEZONE").map(v -> r.zone("STUPY_TIMEZONE", v)).orElse(ZoneId.of("Asia/Seoul")),
                r.optional("STUPY_DAY_START").map(v -> r.time("STUPY_DAY_START", v)).orElse(LocalTime.of(5, 0)),
                r.optional("STUPY_PUBLIC_URL").map(v -> r.publicUrl("STUPY_PUBLIC_URL", v)),
                r.oauthClient("STUPY_KAKAO", OAuthClientSettings.KAKAO_AUTH, OAuthClientSettings.KAKAO_API, false),
                r.oauthClient("STUPY_NAVER", OAuthClientSettings.NAVER_AUTH, OAuthClientSettings.NAVER_API, true),
                r.optional("STUPY_ICE_SERVERS").map(v -> IceServerSettings.parse("STUPY_ICE_SERVERS", v)).orElse(List.of()),
                r.optional("STUPY_LIMITS").map(v -> LimitSettings.parse("STUPY_LIMITS", v)).orElse(Budgets.defaults()),
                new ConnectionCaps(
                        r.optional("STUPY_MAX_CONNECTIONS").map(v -> r.count("STUPY_MAX_CONNECTIONS", v))
                                .orElse(ConnectionCaps.DEFAULT_MAX_CONNECTIONS),
                        r.optional("STUPY_MAX_CONNECTIONS_PER_ADDRESS").map(v -> r.count("STUPY_MAX_CONNECTIONS_PER_ADDRESS", v))
                                .orElse(ConnectionCaps.DEFAULT_MAX_PER_ADDRESS)),
                MetricsSettings.read(r, port));
    }

    /** The social providers that are configured, as their keys ({@code kakao}, {@code naver}). */
    public List<String> enabledOAuthProviders() {
        List<String> enabled = new ArrayList<>();
        if (kakao.enabled()) {
            enabled.add("kakao");
        }
        if (naver.enabled()) {
            enabled.add("naver");
        }
        return enabled;
    }

    /**
     * Guest (dev) login is offered while no social provider is configured and the public address is
     * this machine, unless {@code STUPY_DEV_LOGIN} says otherwise: a public deployment never offers
     * it by accident.
     */
    public boolean devLoginEnabled() {
        return devLogin.orElse(enabledOAuthProviders().isEmpty() && servesOnlyThisMachine());
    }

    /** The public address is loopback ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), judged by its spelling alone. */
    public boolean servesOnlyThisMachine() {
        String host = effectivePublicUrl().getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.matches("127(\\.\\d{1,3}){3}")
                || host.equals("[::1]") || host.equals("::1");
    }

    /** The effective configuration, one line per setting, with secrets masked. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("STUPY_PORT=" + port);
        lines.add("STUPY_DATA_DIR=" + dataDir);
        lines.add("STUPY_MONGO_URI=" + mongoUri.map(Settings::maskUserInfo).orElse("(unset: embedded database)"));
        lines.add("STUPY_EMBEDDED_MONGO_PORT=" + embeddedMongoPort
                .map(p -> p + " (127.0.0.1 only; other nodes need the URI with the credential in "
                        + dataDir.resolve("embedded-mongo.uri") + ")")   // EmbeddedMongo.URI_FILE_NAME
                .orElse("(unset: not exposed)"));
        lines.add("STUPY_REDIS_URI=" + redisUri.map(Settings::maskUserInfo).orElse("(unset: in-process bus)"));
        lines.add("STUPY_JWT_SECRET=" + jwtSecret.map(s -> "******** (" + s.getBytes(StandardCharsets.UTF_8).length + " bytes)")
                .orElse("(unset: key kept in the data directory)"));
        lines.add("STUPY_DEV_LOGIN=" + devLogin.map(String::valueOf).orElse(devLoginEnabled()
                ? "(unset: on, no OAuth provider is configured and the public URL is this machine)"
                : !enabledOAuthProviders().isEmpty() ? "(unset: off, an OAuth provider is configured)"
                : "(unset: off, the public URL is not this machine)"));
        lines.add("STUPY_TIMEZONE=" + timezone);
        lines.add("STUPY_DAY_START=" + dayStart);
        lines.add("STUPY_PUBLIC_URL=" + publicUrl.map(URI::toString).orElse("(unset: http://localhost:" + port + ")"));
        describe(lines, "STUPY_KAKAO", kakao);
        describe(lines, "STUPY_NAVER", naver);
        lines.add("STUPY_ICE_SERVERS=" + (iceServers.isEmpty() ? "(unset: none, enough on one network)"
                : IceServerSettings.masked(iceServers)));
        lines.add("STUPY_LIMITS=" + LimitSettings.describe(limits));
        lines.add("STUPY_MAX_CONNECTIONS=" + connectionCaps.maxConnections());
        lines.add("STUPY_MAX_CONNECTIONS_PER_ADDRESS=" + connectionCaps.maxPerAddress());
        metrics.describe(lines);
        return lines;
    }

    private static void describe(List<String> lines, String prefix, OAuthClientSettings client) {
        lines.add(prefix + "_CLIENT_ID=" + client.clientId().orElse("(unset: login disabled)"));
        lines.add(prefix + "_CLIENT_SECRET=" + client.clientSecret().map(s -> "******** (set)").orElse("(unset)"));
        lines.add(prefix + "_AUTH_URL=" + client.authUrl());
        lines.add(prefix + "_API_URL=" + client.apiUrl());
    }

    public URI effectivePublicUrl() {
        return publicUrl.orElse(URI.create("http://localhost:" + port));
    }

    static String maskUserInfo(String uri) {
        int scheme = uri.indexOf("://");
        int at = uri.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return uri;
        }
        return uri.substring(0, scheme + 3) + "****:****" + uri.substring(at);
    }
}
