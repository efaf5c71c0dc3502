package kr.co.stupy.application.health.service;

import kr.co.stupy.application.health.port.in.CheckHealthQuery;
import kr.co.stupy.application.health.port.out.HealthProbe;

public final class HealthService implements CheckHealthQuery {

    private final HealthProbe store;
    private final HealthProbe bus;

    public HealthService(HealthProbe store, HealthProbe bus) {
        this.store = store;
        this.bus = bus;
    }

    @Override
    public Health health() {
        boolean storeUp = store.isUp();
        boolean busUp = bus.isUp();
        return new Health(storeUp && busUp, store.kind(), storeUp, bus.kind(), busUp);
    }
}
