package kr.co.stupy.application.health.service;

import java.util.concurrent.atomic.AtomicBoolean;
import kr.co.stupy.application.health.port.in.CheckHealthQuery;
import kr.co.stupy.application.health.port.in.DrainNodeUseCase;
import kr.co.stupy.application.health.port.out.HealthProbe;

public final class HealthService implements CheckHealthQuery, DrainNodeUseCase {

    private final HealthProbe store;
    private final HealthProbe bus;
    private final AtomicBoolean draining = new AtomicBoolean();

    public HealthService(HealthProbe store, HealthProbe bus) {
        this.store = store;
        this.bus = bus;
    }

    @Override
    public Health health() {
        boolean storeUp = store.isUp();
        boolean busUp = bus.isUp();
        boolean leaving = draining.get();
        return new Health(storeUp && busUp && !leaving, store.kind(), storeUp, bus.kind(), busUp, leaving);
    }

    @Override
    public void startDraining() {
        draining.set(true);
    }
}
