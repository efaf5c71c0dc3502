package kr.co.stupy.bootstrap.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kr.co.stupy.application.live.port.in.FrameError;
import kr.co.stupy.bootstrap.support.ApiContract;
import org.junit.jupiter.api.Test;

/**
 * Every problem {@code code} the server can answer is listed in the OpenAPI document, and every code
 * listed is one it can answer: {@code Problem.code} for HTTP, {@code ErrorFrame.code} for the
 * WebSocket's {@code error} frames, each with its meaning in {@code x-problem-codes}.
 * <p>
 * Codes are stable UPPER_SNAKE strings ({@code DomainException} refuses anything else), written as
 * string literals where a failure is made — {@code RoomErrors}, {@code WebProblem}, {@code ErrorHandling},
 * {@code new DomainException(..)} — so the production sources of every module are searched for such
 * literals; {@link #NOT_CODES} are the few that are something else. A frame's problem is a
 * {@code FrameError.Problem} constant (its name is the code) or a literal in the live package.
 * Adding a code anywhere thus fails this test until the document says what it means.
 */
class ProblemCodesDocumentedTest {

    /** UPPER_SNAKE literals that are no problem codes: picture signatures, a header value, Redis replies (metrics sources are skipped whole). */
    static final Set<String> NOT_CODES = Set.of("RIFF", "WEBP", "VP8X", "VP8L", "IHDR", "DENY", "PONG", "OK");
    /** Where the WebSocket's frames are handled: its literals are error-frame codes, not HTTP ones. */
    static final String LIVE_PACKAGE = "adapters-web/src/main/java/kr/co/stupy/adapter/web/live/";
    static final Pattern UPPER_SNAKE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");

    static final Map<String, String> SOURCES = ReactorSources.production();
    static final JsonNode DOCUMENT = ApiContract.get().document();

    @Test
    void everyHttpProblemCodeIsDocumentedAndEveryDocumentedOneIsAnswered() {
        SortedSet<String> inCode = codes(false);
        assertTrue(inCode.containsAll(Set.of("ROOM_FULL", "VALIDATION_FAILED", "NOT_FOUND", "RATE_LIMITED", "UNSUPPORTED_MEDIA_TYPE")),
                "the search found the codes of the domain, the application and the web adapter: " + inCode);
        assertEquals(inCode, documented("/components/schemas/Problem"),
                "list each code in Problem.code's enum and x-problem-codes of api-docs/openapi.yaml (or drop the ones gone)");
    }

    @Test
    void everyErrorFrameCodeIsDocumentedAndEveryDocumentedOneIsSent() {
        SortedSet<String> inCode = codes(true);
        inCode.addAll(Arrays.stream(FrameError.Problem.values()).map(Enum::name).toList());
        assertEquals(inCode, documented("/components/schemas/ErrorFrame"));
    }

    @Test
    void eachDocumentedCodeSaysWhatItMeans() {
        for (String schema : new String[] {"/components/schemas/Problem", "/components/schemas/ErrorFrame"}) {
            SortedSet<String> meanings = new TreeSet<>();
            DOCUMENT.at(schema + "/x-problem-codes").fieldNames().forEachRemaining(meanings::add);
            assertEquals(documented(schema), meanings, schema + ": the enum of codes and x-problem-codes list the same codes");
            DOCUMENT.at(schema + "/x-problem-codes").forEach(meaning -> assertTrue(meaning.asText().length() > 10, meaning.asText()));
        }
    }

    @Test
    void theSearchTellsCodesFromOtherLiterals() {
        String sample = "throw DomainException.conflict(\"ROOM_FULL\", \"the room has no free seat\"); env(\"STUPY_PORT\"); tag(\"RIFF\"); \"A_\"";
        assertEquals(Set.of("ROOM_FULL"), Set.copyOf(codesIn(sample)));
    }

    /** The codes written in the production sources: the live package's ({@code live}) or everyone else's. */
    private static SortedSet<String> codes(boolean live) {
        SortedSet<String> codes = new TreeSet<>();
        SOURCES.forEach((path, source) -> {
            if (path.startsWith(LIVE_PACKAGE) == live && !isMetrics(path)) {
                codes.addAll(codesIn(source));
            }
        });
        return codes;
    }

    /** Metrics name their labels' values in upper case too (HTTP methods, {@code STATIC}, bucket durations); none is an answer. */
    private static boolean isMetrics(String path) {
        return path.contains("/metrics/") || path.endsWith("Metrics.java");
    }

    private static List<String> codesIn(String source) {
        return ReactorSources.matches(UPPER_SNAKE_LITERAL, source).stream()
                // Environment variables are named STUPY_*; they are settings, not answers.
                .filter(literal -> !literal.startsWith("STUPY_") && !NOT_CODES.contains(literal))
                .toList();
    }

    private static SortedSet<String> documented(String schema) {
        SortedSet<String> codes = new TreeSet<>();
        DOCUMENT.at(schema + "/properties/code/enum").forEach(code -> codes.add(code.asText()));
        return codes;
    }
}
