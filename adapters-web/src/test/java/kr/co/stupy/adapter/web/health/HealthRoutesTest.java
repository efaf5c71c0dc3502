package kr.co.stupy.adapter.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.application.health.port.in.CheckHealthQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    static final CheckHealthQuery health = mock(CheckHealthQuery.class);

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(new HealthRoutes(health));

    @AfterEach
    void forget() {
        reset(health);
    }

    @Test
    void upIs200WithTheKindOfStoreAndBusAndNeedsNoToken() {
        when(health.health()).thenReturn(new CheckHealthQuery.Health(true, "mongo", true, "redis", true, false));
        Answer answer = web.anonymous().get("/api/health");
        JsonNode body = answer.ok(200);
        assertEquals(List.of("bus", "status", "store"), Answer.fieldNames(body));
        assertEquals("up", body.get("status").asText());
        assertEquals("mongo", body.get("store").asText());
        assertEquals("redis", body.get("bus").asText());
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void aStoreOrBusThatIsDownIs503AndSaysDown() {
        when(health.health()).thenReturn(new CheckHealthQuery.Health(false, "embedded", false, "local", true, false));
        JsonNode body = web.anonymous().get("/api/health").ok(503);
        assertEquals("down", body.get("status").asText());
        assertEquals("embedded", body.get("store").asText());
        assertEquals("local", body.get("bus").asText());
    }

    @Test
    void aTokenThatIsNotValidDoesNotKeepTheHealthCheckAway() {
        when(health.health()).thenReturn(new CheckHealthQuery.Health(true, "mongo", true, "redis", true, false));
        assertEquals(200, web.authorizedBy("Bearer expired").get("/api/health").status());
    }

    @Test
    void aDrainingNodeIs503AndSaysDrainingThoughItsStoresAnswer() {
        when(health.health()).thenReturn(new CheckHealthQuery.Health(false, "mongo", true, "redis", true, true));
        JsonNode body = web.anonymous().get("/api/health").ok(503);
        assertEquals("draining", body.get("status").asText());
        assertEquals("mongo", body.get("store").asText());
    }

    @Test
    void livenessIs200WithoutAskingTheStoresAndNeedsNoToken() {
        JsonNode body = web.authorizedBy("Bearer expired").get("/api/health/live").ok(200);
        assertEquals(List.of("status"), Answer.fieldNames(body));
        assertEquals("up", body.get("status").asText());
        verifyNoInteractions(health);
    }
}
