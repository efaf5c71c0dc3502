package kr.co.stupy.application.health.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicBoolean;
import kr.co.stupy.application.health.port.in.CheckHealthQuery.Health;
import kr.co.stupy.application.health.port.out.HealthProbe;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    private final AtomicBoolean storeUp = new AtomicBoolean(true);
    private final HealthService health = new HealthService(probe("mongo", storeUp), probe("redis", new AtomicBoolean(true)));

    @Test
    void upWhileBothAnswer() {
        assertEquals(new Health(true, "mongo", true, "redis", true, false), health.health());
    }

    @Test
    void aStoreThatDoesNotAnswerMakesTheNodeNotReady() {
        storeUp.set(false);
        assertEquals(new Health(false, "mongo", false, "redis", true, false), health.health());
    }

    @Test
    void onceDrainingTheNodeIsNotReadyThoughEverythingAnswersAndStaysSo() {
        health.startDraining();
        assertEquals(new Health(false, "mongo", true, "redis", true, true), health.health());
        health.startDraining();
        assertEquals(new Health(false, "mongo", true, "redis", true, true), health.health());
    }

    private static HealthProbe probe(String kind, AtomicBoolean up) {
        return new HealthProbe() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public boolean isUp() {
                return up.get();
            }
        };
    }
}
