package kr.co.stupy.bootstrap;

import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.config.SettingsException;

/** Starts a Stupy node from environment variables and stops it cleanly on SIGTERM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings = settingsOrExit();
        MemoryFootprint.applyDefaults();
        System.out.println("Stupy starting with:");
        settings.describe().forEach(line -> System.out.println("  " + line));
        Stupy node;
        try {
            node = Stupy.start(settings);
        } catch (RuntimeException e) {
            System.err.println("stupy: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            System.out.println("Stupy stopped");
        }, "stupy-shutdown"));
        System.out.println("Stupy is ready on port " + node.port());
    }

    /** The settings of this process's environment; a bad value ends it with one line naming the variable (exit 2). */
    static Settings settingsOrExit() {
        try {
            return Settings.fromEnvironment(System.getenv());
        } catch (SettingsException e) {
            System.err.println("stupy: " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }
}
