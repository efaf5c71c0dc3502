package kr.co.stupy.bootstrap.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a node shows its Prometheus metrics; by default nowhere, and then nothing is measured.
 * With {@code token}, {@code GET /metrics} on the main port answers a scraper that sends it as a
 * bearer token; with {@code port}, a listener of its own on {@code host} (this machine unless said
 * otherwise) serves {@code /metrics}, also asking for the token when there is one.
 *
 * @param port 0 picks a free port (tests); the environment asks for 1 to 65535
 */
public record MetricsSettings(Optional<String> token, Optional<Integer> port, String host) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int MIN_TOKEN_LENGTH = 16;
    /** RFC 6750's token characters: what fits in {@code Authorization: Bearer ...} as it is. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    /** A host name or an IPv4 or IPv6 address, nothing else (no scheme, port or path). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+");

    public MetricsSettings {
        token = token == null ? Optional.empty() : token;
        port = port == null ? Optional.empty() : port;
        host = host == null ? DEFAULT_HOST : host;
        if (token.isPresent() && !isToken(token.get())) {
            throw new IllegalArgumentException("the metrics token is not a bearer token of " + MIN_TOKEN_LENGTH + "+ characters");
        }
        if (port.isPresent() && (port.get() < 0 || port.get() > 65535)) {
            throw new IllegalArgumentException("the metrics port must be 0 to 65535");
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("the metrics host must be a host name or an address");
        }
    }

    public static MetricsSettings off() {
        return new MetricsSettings(Optional.empty(), Optional.empty(), DEFAULT_HOST);
    }

    /** Scraped on the main port with this token. */
    public static MetricsSettings withToken(String token) {
        return new MetricsSettings(Optional.of(token), Optional.empty(), DEFAULT_HOST);
    }

    /** Some scraper can reach the metrics, so the node measures. */
    public boolean exposed() {
        return token.isPresent() || port.isPresent();
    }

    static boolean isToken(String value) {
        return value.length() >= MIN_TOKEN_LENGTH && TOKEN.matcher(value).matches();
    }

    static boolean isHost(String value) {
        return HOST.matcher(value).matches();
    }

    /** {@code STUPY_METRICS_TOKEN}, {@code STUPY_METRICS_PORT} and {@code STUPY_METRICS_HOST}, checked. */
    static MetricsSettings read(EnvironmentReader env, int mainPort) {
        Optional<String> token = env.optional("STUPY_METRICS_TOKEN").map(v -> {
            if (!isToken(v)) {
                // The value is never repeated: it may be a real secret with one typo.
                throw new SettingsException("STUPY_METRICS_TOKEN", "must be at least " + MIN_TOKEN_LENGTH
                        + " characters of A-Z a-z 0-9 - . _ ~ + / (e.g. openssl rand -hex 32)");
            }
            return v;
        });
        Optional<Integer> port = env.optional("STUPY_METRICS_PORT").map(v -> env.port("STUPY_METRICS_PORT", v, 1));
        if (port.isPresent() && port.get() == mainPort) {
            throw new SettingsException("STUPY_METRICS_PORT", "must differ from STUPY_PORT (" + mainPort + ")");
        }
        Optional<String> host = env.optional("STUPY_METRICS_HOST");
        if (host.isPresent() && port.isEmpty()) {
            throw new SettingsException("STUPY_METRICS_HOST", "only applies to the listener of STUPY_METRICS_PORT; set that too");
        }
        if (host.isPresent() && !isHost(host.get())) {
            throw new SettingsException("STUPY_METRICS_HOST", "must be an address or host name such as 127.0.0.1 or 0.0.0.0, got '"
                    + host.get() + "'");
        }
        return new MetricsSettings(token, port, host.orElse(DEFAULT_HOST));
    }

    void describe(List<String> lines) {
        lines.add("STUPY_METRICS_TOKEN=" + token.map(t -> "******** (set: GET /metrics on STUPY_PORT with it)")
                .orElse("(unset: /metrics is not served on STUPY_PORT)"));
        lines.add("STUPY_METRICS_PORT=" + port.map(String::valueOf).orElse("(unset: no metrics listener of its own)"));
        lines.add("STUPY_METRICS_HOST=" + (port.isPresent() ? host : "(unused without STUPY_METRICS_PORT)"));
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "MetricsSettings[token=" + token.map(t -> "********").orElse("(unset)") + ", port=" + port + ", host=" + host + "]";
    }
}
