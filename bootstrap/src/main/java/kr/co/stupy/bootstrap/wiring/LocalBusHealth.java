package kr.co.stupy.bootstrap.wiring;

import kr.co.stupy.application.health.port.out.HealthProbe;

/** The in-process bus of a node without Redis: up for as long as the process is. */
public final class LocalBusHealth implements HealthProbe {

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public boolean isUp() {
        return true;
    }
}
