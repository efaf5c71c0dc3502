package kr.co.stupy.bootstrap.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One simulated user: a browser context (own cookies and storage) with one page. It records what
 * should never happen in a healthy page — console errors, uncaught exceptions and Content Security
 * Policy violations — so a test can end with {@link #assertNoErrors()}.
 */
public final class BrowserSession implements AutoCloseable {

    /** Under the bootstrap module's {@code target}, where a CI run keeps them with the reports. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Runs before any page script (Playwright injects it past the page's CSP) and forwards every
     * {@code securitypolicyviolation} event to the test.
     */
    private static final String REPORT_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', e => window.__stupyCspViolation(
                e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' in ' + e.sourceFile + ':' + e.lineNumber));
            """;

    private final String name;
    private final BrowserContext context;
    private final Page page;
    private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> cspViolations = Collections.synchronizedList(new ArrayList<>());

    private BrowserSession(String name, BrowserContext context) {
        this.name = name;
        this.context = context;
        context.exposeBinding("__stupyCspViolation", (source, args) -> {
            cspViolations.add(String.valueOf(args[0]));
            return null;
        });
        context.addInitScript(REPORT_CSP_VIOLATIONS);
        context.onConsoleMessage(this::console);
        context.onWebError(error -> pageErrors.add(error.error()));
        this.page = context.newPage();
    }

    static BrowserSession open(Browser browser, String name, Chromium.Viewport viewport) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(viewport.width(), viewport.height())
                .setLocale("ko-KR")
                .setTimezoneId("Asia/Seoul"));
        try {
            return new BrowserSession(name, context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private void console(ConsoleMessage message) {
        if ("error".equals(message.type())) {
            consoleErrors.add(message.text() + " (" + message.location() + ")");
        }
    }

    /** Opens {@code url} and waits for its load event; the main document's response. */
    public Response navigate(String url) {
        return page.navigate(url);
    }

    /** Opens the app at {@code base} and logs in through the dev form; returns once the rooms screen shows. */
    public void devLogIn(String base, String nickname) {
        synchronized (GuestSecrets.lock(base, nickname)) {
            navigate(base + "/");
            // The guest this test knows by that name, as if this browser had kept its secret; else a new guest.
            page.evaluate("secret => secret ? localStorage.setItem('stupy.guestSecret', secret) : localStorage.removeItem('stupy.guestSecret')",
                    GuestSecrets.of(base, nickname).orElse(null));
            page.reload();
            page.getByTestId("dev-nickname").fill(nickname);
            page.getByTestId("dev-login").click();
            page.waitForURL("**/#/rooms*");
            Object kept = page.evaluate("() => sessionStorage.getItem('stupy.guestSecret') ?? localStorage.getItem('stupy.guestSecret')");
            if (kept instanceof String secret) {
                GuestSecrets.remember(base, nickname, secret);
            }
        }
    }

    public Page page() {
        return page;
    }

    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /** Uncaught exceptions and unhandled rejections in the page. */
    public List<String> pageErrors() {
        return List.copyOf(pageErrors);
    }

    /** Each as {@code "<directive> blocked <what> in <file>:<line>"}. */
    public List<String> cspViolations() {
        return List.copyOf(cspViolations);
    }

    /** Fails naming every console error, page error and CSP violation seen so far. */
    public void assertNoErrors() {
        assertNoErrorsExcept(consoleError -> false);
    }

    /**
     * Like {@link #assertNoErrors()}, but lets through console errors the test caused on purpose
     * (Chromium logs every refused request, say a wrong password's 403, as a console error).
     */
    public void assertNoErrorsExcept(java.util.function.Predicate<String> expectedConsoleError) {
        List<String> problems = new ArrayList<>();
        consoleErrors().stream().filter(expectedConsoleError.negate()).forEach(e -> problems.add("console error: " + e));
        pageErrors().forEach(e -> problems.add("page error: " + e));
        cspViolations().forEach(e -> problems.add("CSP violation: " + e));
        if (!problems.isEmpty()) {
            throw new AssertionError(name + " saw " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    /** The full page as {@code target/screenshots/<fileName>.png}; returns the path. */
    public Path screenshot(String fileName) {
        Path file = SCREENSHOTS.resolve(fileName + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        context.close();
    }
}
