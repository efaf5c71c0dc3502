package kr.co.stupy.bootstrap.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kr.co.stupy.bootstrap.support.ApiContract;
import org.junit.jupiter.api.Test;

/**
 * Every frame type the server sends or accepts on {@code /ws/rooms/{roomId}} is described in the
 * OpenAPI document ({@code ServerFrame} and {@code ClientFrame}, by their discriminator), and every
 * described type is one the server sends or accepts. The types are read where the server writes and
 * reads them: {@code LiveFrames} (each frame is made by {@code typed("...")} or {@code with("...", ..)},
 * the two written straight to text start with {@code {"type":"..."}}) and {@code LiveFrameHandler}
 * (one {@code case "..." ->} per type it handles); the close codes are {@code CloseCodes}' constants.
 * The frames themselves are checked in every end-to-end test by {@code LiveClient}.
 */
class LiveFramesDocumentedTest {

    static final String LIVE = ReactorSources.root() + "/adapters-web/src/main/java/kr/co/stupy/adapter/web/live/";
    static final Pattern MADE = Pattern.compile("(?:typed|with)\\(\"([a-z-]+)\"");
    static final Pattern WRITTEN_AS_TEXT = Pattern.compile("\\\\\"type\\\\\":\\\\\"([a-z-]+)\\\\\"");
    static final Pattern HANDLED = Pattern.compile("case \"([a-z-]+)\" ->");
    static final Pattern CLOSE_CODE = Pattern.compile("static final int [A-Z_]+ = (\\d{4});");
    static final ApiContract CONTRACT = ApiContract.get();

    @Test
    void everyFrameTheServerSendsIsDescribedAndEveryDescribedOneIsSent() {
        String frames = ReactorSources.read(java.nio.file.Path.of(LIVE + "LiveFrames.java"));
        SortedSet<String> sent = new TreeSet<>(ReactorSources.matches(MADE, frames));
        sent.addAll(ReactorSources.matches(WRITTEN_AS_TEXT, frames));
        assertTrue(sent.containsAll(Set.of("welcome", "signal", "pong", "error", "room-closed")), sent.toString());
        assertEquals(sent, described("ServerFrame"));
    }

    @Test
    void everyFrameTheServerAcceptsIsDescribedAndEveryDescribedOneIsAccepted() {
        String handler = ReactorSources.read(java.nio.file.Path.of(LIVE + "LiveFrameHandler.java"));
        SortedSet<String> accepted = new TreeSet<>(ReactorSources.matches(HANDLED, handler));
        assertEquals(described("ClientFrame"), accepted);
    }

    @Test
    void everyCloseCodeTheServerUsesIsDescribedAndEveryDescribedOneIsUsed() {
        String closeCodes = ReactorSources.read(java.nio.file.Path.of(LIVE + "CloseCodes.java"));
        SortedSet<String> used = new TreeSet<>(ReactorSources.matches(CLOSE_CODE, closeCodes));
        // 1009 (a frame over the limit) is Jetty's own close, from the limit the live routes set on each session.
        used.add("1009");
        SortedSet<String> described = new TreeSet<>();
        CONTRACT.document().at("/paths/~1ws~1rooms~1{roomId}/get/x-websocket/closeCodes").fieldNames().forEachRemaining(described::add);
        assertTrue(used.containsAll(Set.of("4401", "4429", "1013")), used.toString());
        assertEquals(used, described);
    }

    @Test
    void eachDescribedTypeLeadsToASchemaOfThatType() {
        for (String union : List.of("ServerFrame", "ClientFrame")) {
            JsonNode mapping = CONTRACT.document().at("/components/schemas/" + union + "/discriminator/mapping");
            mapping.fields().forEachRemaining(entry -> {
                String frame = "{\"type\":\"" + entry.getKey() + "\"}";
                String schema = entry.getValue().asText();
                // A frame of only its type is refused for what it lacks, never for its type (pong and the farewells need nothing more).
                List<String> problems = CONTRACT.schemaProblems(schema, frame);
                assertTrue(problems.stream().noneMatch(p -> p.contains("/type") || p.contains("const") || p.contains("enum")),
                        union + " maps " + entry.getKey() + " to " + schema + ": " + problems);
            });
            assertFalse(mapping.isEmpty(), union);
        }
    }

    @Test
    void aFrameOfAnUndescribedTypeOrShapeIsRejected() {
        assertEquals(List.of(), CONTRACT.schemaProblems("#/components/schemas/ServerFrame", "{\"type\":\"pong\"}"));
        assertFalse(CONTRACT.schemaProblems("#/components/schemas/ServerFrame", "{\"type\":\"party\"}").isEmpty());
        assertFalse(CONTRACT.schemaProblems("#/components/schemas/ServerFrame",
                "{\"type\":\"peer-left\",\"connectionId\":\"c1\"}").isEmpty(), "peer-left without its userId");
        assertFalse(CONTRACT.schemaProblems("#/components/schemas/ServerFrame",
                "{\"type\":\"error\",\"code\":\"OOPS\",\"message\":\"m\",\"frame\":null}").isEmpty(), "an undocumented error code");
    }

    private static SortedSet<String> described(String union) {
        SortedSet<String> types = new TreeSet<>();
        CONTRACT.document().at("/components/schemas/" + union + "/discriminator/mapping").fieldNames().forEachRemaining(types::add);
        return types;
    }
}
