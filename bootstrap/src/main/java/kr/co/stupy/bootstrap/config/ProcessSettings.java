package kr.co.stupy.bootstrap.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the process around a node rather than of the node itself: how it writes its log, and
 * how long it keeps serving after SIGTERM while it reports itself not ready.
 *
 * @param logFormat  {@code STUPY_LOG_FORMAT}: plain text lines, or one JSON object per line for a log collector
 * @param drainGrace {@code STUPY_DRAIN_SECONDS}: after SIGTERM, readiness answers 503 at once and the node keeps
 *                   serving this long (so load balancers stop sending clients) before it closes connections
 */
public record ProcessSettings(LogFormat logFormat, Duration drainGrace) {

    /** The variable logback itself reads (logback.xml) to pick its appender; checked here so a typo stops start-up. */
    public static final String LOG_FORMAT_VARIABLE = "STUPY_LOG_FORMAT";
    public static final Duration DEFAULT_DRAIN_GRACE = Duration.ofSeconds(5);
    static final int MAX_DRAIN_SECONDS = 300;

    public enum LogFormat {
        TEXT, JSON;

        /** As the variable spells it, and as logback.xml names its appender. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ProcessSettings {
        if (logFormat == null || drainGrace == null || drainGrace.isNegative()) {
            throw new IllegalArgumentException("a log format and a drain grace of zero or more are required");
        }
    }

    public static ProcessSettings defaults() {
        return new ProcessSettings(LogFormat.TEXT, DEFAULT_DRAIN_GRACE);
    }

    public static ProcessSettings fromEnvironment(Map<String, String> env) {
        EnvironmentReader r = new EnvironmentReader(env);
        List<String> formats = List.of(LogFormat.TEXT.spelling(), LogFormat.JSON.spelling());
        return new ProcessSettings(
                r.optional(LOG_FORMAT_VARIABLE).map(v -> LogFormat.valueOf(r.oneOf(LOG_FORMAT_VARIABLE, v, formats).toUpperCase(Locale.ROOT)))
                        .orElse(LogFormat.TEXT),
                r.optional("STUPY_DRAIN_SECONDS").map(v -> r.seconds("STUPY_DRAIN_SECONDS", v, 0, MAX_DRAIN_SECONDS))
                        .orElse(DEFAULT_DRAIN_GRACE));
    }

    public List<String> describe() {
        return List.of(LOG_FORMAT_VARIABLE + "=" + logFormat.spelling(), "STUPY_DRAIN_SECONDS=" + drainGrace.toSeconds());
    }
}
