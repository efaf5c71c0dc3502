package kr.co.stupy.application.health.port.in;

/** Whether this node can serve: its store and its bus, each by kind and state. */
public interface CheckHealthQuery {

    record Health(boolean up, String store, boolean storeUp, String bus, boolean busUp) {
    }

    Health health();
}
