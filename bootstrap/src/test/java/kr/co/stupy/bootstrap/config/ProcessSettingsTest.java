package kr.co.stupy.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.co.stupy.bootstrap.config.ProcessSettings.LogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessSettingsTest {

    @Test
    void nothingSetIsPlainTextAndFiveSecondsOfDrain() {
        ProcessSettings settings = ProcessSettings.fromEnvironment(Map.of());
        assertEquals(new ProcessSettings(LogFormat.TEXT, Duration.ofSeconds(5)), settings);
        assertEquals(List.of("STUPY_LOG_FORMAT=text", "STUPY_DRAIN_SECONDS=5"), settings.describe());
    }

    @Test
    void bothAreRead() {
        assertEquals(new ProcessSettings(LogFormat.JSON, Duration.ZERO),
                ProcessSettings.fromEnvironment(Map.of("STUPY_LOG_FORMAT", "json", "STUPY_DRAIN_SECONDS", "0")));
        assertEquals(new ProcessSettings(LogFormat.TEXT, Duration.ofSeconds(300)),
                ProcessSettings.fromEnvironment(Map.of("STUPY_LOG_FORMAT", " text ", "STUPY_DRAIN_SECONDS", "300")));
    }

    @ParameterizedTest
    @CsvSource({
            "STUPY_LOG_FORMAT, JSON",       // logback's appender names are lower case; a near miss is not guessed
            "STUPY_LOG_FORMAT, logfmt",
            "STUPY_DRAIN_SECONDS, -1",
            "STUPY_DRAIN_SECONDS, 301",
            "STUPY_DRAIN_SECONDS, 5s"})
    void aBadValueNamesItsVariable(String variable, String value) {
        SettingsException refused = assertThrows(SettingsException.class, () -> ProcessSettings.fromEnvironment(Map.of(variable, value)));
        assertTrue(refused.getMessage().startsWith(variable), refused.getMessage());
        assertTrue(refused.getMessage().contains("'" + value + "'"), refused.getMessage());
    }
}
