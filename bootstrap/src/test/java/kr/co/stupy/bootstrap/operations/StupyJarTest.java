package kr.co.stupy.bootstrap.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.StupyProcess;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code stupy.jar}, started as the README says, after {@code package} (see bootstrap/pom.xml):
 * the other tests run on the build's class path, where a library the jar left out is still found.
 */
@Tag("jar")
class StupyJarTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJarStartsOnItsEmbeddedDefaultsServesTheAppTheApiAndItsDescriptionAndLogsJson() throws Exception {
        Path jar = Path.of(System.getProperty("stupy.jar", "target/stupy.jar"));
        assertTrue(Files.isRegularFile(jar), "built by `package`: " + jar.toAbsolutePath());
        try (StupyProcess node = StupyProcess.startJar(jar, Map.of("STUPY_PORT", "0", "STUPY_DATA_DIR", TestNode.freshDataDir().toString(),
                "STUPY_LOG_FORMAT", "json"))) {
            Api api = node.api();
            assertEquals("up", api.get("/api/health", null).body().get("status").asText());
            assertEquals(200, api.get("/api/health/live", null).status());
            assertEquals("3.1.0", api.get("/api/openapi.json", null).body().get("openapi").asText());
            assertEquals(200, api.raw("GET", "/api/docs", null, null, null).status());
            assertEquals(200, api.raw("GET", "/", null, null, null).status());
            Api.Session kim = api.devLogin("jar-kim");
            assertEquals(201, api.post("/api/rooms", kim, Map.of("title", "jar", "description", "started from the jar")).status());

            assertEquals(143, node.terminate(Duration.ofSeconds(30)));
            for (String line : node.output()) {
                if (!line.startsWith("WARNING: ")) { // the JVM's own notes, not the log
                    assertTrue(JSON.readTree(line).has("message"), line);
                }
            }
        }
    }
}
