package kr.co.stupy.bootstrap.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium for a test class, driven by Playwright: hold it in an
 * {@code @AutoClose static final} field and {@link #open open} a {@link BrowserSession} (its own
 * cookies and storage) per simulated user.
 * <p>
 * It runs Debian's {@code /usr/bin/chromium} when that exists, and then tells the Playwright driver
 * to skip its browser download ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}), so the tests work
 * offline. Only without it does Playwright use (and on a fresh machine download) its own build.
 * Camera and microphone are Chromium's fake devices, allowed without a prompt.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    /** A window size; {@link #PHONE} is the narrowest screen the app must fit (UI.md). */
    public record Viewport(int width, int height) {
        public static final Viewport DESKTOP = new Viewport(1280, 800);
        public static final Viewport PHONE = new Viewport(360, 740);
        /** The common laptop screen the app is judged on besides the phone. */
        public static final Viewport LAPTOP = new Viewport(1366, 768);

        public Viewport {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("a viewport needs a positive size");
            }
        }
    }

    private final Playwright playwright;
    private final Browser browser;
    private final boolean systemChromium;

    private Chromium(Playwright playwright, Browser browser, boolean systemChromium) {
        this.playwright = playwright;
        this.browser = browser;
        this.systemChromium = systemChromium;
    }

    public static Chromium launch() {
        boolean system = Files.isExecutable(SYSTEM_CHROMIUM);
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        if (system) {
            // The driver reads this from its own environment; without it, it would fetch a browser we do not use.
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        Playwright playwright = Playwright.create(create);
        try {
            List<String> args = new ArrayList<>(List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"));
            if ("root".equals(System.getProperty("user.name"))) {
                args.add("--no-sandbox"); // Chromium refuses to start its sandbox as root
            }
            BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(args);
            if (system) {
                launch.setExecutablePath(SYSTEM_CHROMIUM);
            }
            return new Chromium(playwright, playwright.chromium().launch(launch), system);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new user at the desktop size; {@code name} labels its failures and screenshots. */
    public BrowserSession open(String name) {
        return open(name, Viewport.DESKTOP);
    }

    public BrowserSession open(String name, Viewport viewport) {
        return BrowserSession.open(browser, name, viewport);
    }

    /** Whether this runs Debian's Chromium (else Playwright's own). */
    public boolean systemChromium() {
        return systemChromium;
    }

    public String version() {
        return browser.version();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
