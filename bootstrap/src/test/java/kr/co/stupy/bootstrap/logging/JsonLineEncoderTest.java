package kr.co.stupy.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context = new LoggerContext();
    private final JsonLineEncoder encoder = new JsonLineEncoder();

    JsonLineEncoderTest() {
        encoder.setContext(context);
        encoder.start();
    }

    @Test
    void anEventInARequestIsOneFlatObjectOnOneLine() throws Exception {
        context.putProperty(JsonLineEncoder.NODE_ID_PROPERTY, "node-1234abcd");
        LoggingEvent event = event(Level.INFO, "GET {} -> {}", new Object[] {"/api/rooms/abc", 200}, null);
        event.setMDCPropertyMap(Map.of("requestId", "req-12345678", "route", "/api/rooms/{roomId}", "somethingElse", "x"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode fields = JSON.readTree(line);
        assertEquals(List.of("time", "level", "logger", "thread", "message", "nodeId", "requestId", "route"), names(fields));
        assertEquals("2026-12-06T01:02:03.456Z", fields.get("time").asText());
        assertEquals("INFO", fields.get("level").asText());
        assertEquals("kr.co.stupy.Example", fields.get("logger").asText());
        assertEquals("GET /api/rooms/abc -> 200", fields.get("message").asText());
        assertEquals("node-1234abcd", fields.get("nodeId").asText());
        assertEquals("req-12345678", fields.get("requestId").asText());
        assertEquals("/api/rooms/{roomId}", fields.get("route").asText());
    }

    @Test
    void quotesNewlinesAndAStackTraceStayInsideTheirStrings() throws Exception {
        LoggingEvent event = event(Level.WARN, "a \"quoted\" word\nand a second line", null, new IllegalStateException("boom"));
        event.setMDCPropertyMap(Map.of());

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertEquals(1, line.lines().count(), line);
        JsonNode fields = JSON.readTree(line);
        assertEquals("a \"quoted\" word\nand a second line", fields.get("message").asText());
        assertTrue(fields.get("error").asText().startsWith("java.lang.IllegalStateException: boom"), fields.get("error").asText());
        assertTrue(fields.get("error").asText().contains("JsonLineEncoderTest"), "with its frames");
        assertFalse(fields.has("nodeId") || fields.has("requestId") || fields.has("route"), "outside a request and before a node is named: " + line);
    }

    private LoggingEvent event(Level level, String message, Object[] arguments, Throwable error) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("kr.co.stupy.Example"), level, message, error, arguments);
        event.setTimeStamp(Instant.parse("2026-12-06T01:02:03.456Z").toEpochMilli());
        event.setThreadName("worker-1");
        return event;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
