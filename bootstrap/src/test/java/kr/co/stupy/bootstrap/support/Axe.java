package kr.co.stupy.bootstrap.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * axe-core, the accessibility checker, run inside a page: its serious and critical violations, each
 * with the elements it found them on. The script comes from {@code bootstrap/src/test/browser}
 * ({@code npm ci} there, which {@code ./mvnw verify} runs before the tests) and is handed to the page
 * by Playwright's evaluate, which the app's CSP (no inline script) does not stop.
 */
public final class Axe {

    private static final Path SCRIPT = Path.of("src", "test", "browser", "node_modules", "axe-core", "axe.min.js");

    /** Runs every rule axe has for WCAG 2.x A and AA and best practice; returns the serious and critical findings. */
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, {resultTypes: ['violations']});
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + String(n.failureSummary ?? '').replace(/\\s+/g, ' ').trim())}));
            }""";

    private static volatile String source;

    private Axe() {
    }

    /** One rule broken on a page, with where. */
    public record Violation(String id, String impact, String help, List<String> nodes) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + help + ")\n      " + String.join("\n      ", nodes);
        }
    }

    /** The serious and critical violations on the page as it stands. */
    @SuppressWarnings("unchecked")
    public static List<Violation> seriousViolations(Page page) {
        Object loaded = page.evaluate("() => typeof window.axe");
        if (!"object".equals(loaded)) {
            page.evaluate("() => {\n" + script() + "\n}");
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate(RUN);
        return found.stream().map(v -> new Violation(String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
                String.valueOf(v.get("help")), ((List<Object>) v.get("nodes")).stream().map(String::valueOf).toList())).toList();
    }

    /** Fails naming every serious or critical violation on {@code where}. */
    public static void assertNoSeriousViolations(BrowserSession session, String where) {
        List<Violation> violations = seriousViolations(session.page());
        if (!violations.isEmpty()) {
            throw new AssertionError("axe found " + violations.size() + " serious or critical problem(s) on " + where + ":\n  "
                    + String.join("\n  ", violations.stream().map(Violation::toString).toList()));
        }
    }

    private static String script() {
        String known = source;
        if (known != null) {
            return known;
        }
        Path file = Stream.of(SCRIPT, Path.of("bootstrap").resolve(SCRIPT)).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("axe-core is not installed: run `npm ci --ignore-scripts --no-audit"
                        + " --no-fund` in bootstrap/src/test/browser (./mvnw verify does it before the tests; -Dexec.skip leaves it out)"));
        try {
            known = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        source = known;
        return known;
    }
}
