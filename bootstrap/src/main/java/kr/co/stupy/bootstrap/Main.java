package kr.co.stupy.bootstrap;

import java.util.Map;
import java.util.function.Function;
import kr.co.stupy.bootstrap.config.ProcessSettings;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.config.SettingsException;
import kr.co.stupy.bootstrap.logging.NodeLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Stupy node from environment variables. On SIGTERM it drains (readiness answers 503 at
 * once, everything else is served for {@code STUPY_DRAIN_SECONDS}) and then stops cleanly.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings = settingsOrExit();
        ProcessSettings process = orExit(ProcessSettings::fromEnvironment);
        MemoryFootprint.applyDefaults();
        // Only now: the settings are known to be good, logback.xml among others reads STUPY_LOG_FORMAT.
        Logger log = LoggerFactory.getLogger(Main.class);
        log.info("Stupy starting with:");
        settings.describe().forEach(line -> log.info("  {}", line));
        process.describe().forEach(line -> log.info("  {}", line));
        Stupy node;
        try {
            node = Stupy.start(settings);
        } catch (RuntimeException e) {
            System.err.println("stupy: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        NodeLogContext.name(node.nodeId());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.drainAndClose(process.drainGrace());
            log.info("Stupy stopped");
        }, "stupy-shutdown"));
        log.info("Stupy is ready on port {}", node.port());
    }

    /** The settings of this process's environment; a bad value ends it with one line naming the variable (exit 2). */
    static Settings settingsOrExit() {
        return orExit(Settings::fromEnvironment);
    }

    private static <T> T orExit(Function<Map<String, String>, T> read) {
        try {
            return read.apply(System.getenv());
        } catch (SettingsException e) {
            System.err.println("stupy: " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }
}
