package kr.co.stupy.application.health.port.in;

/** Whether this node can serve: its store and its bus, each by kind and state, and whether it is draining. */
public interface CheckHealthQuery {

    /** {@code up} only while both answer and the node is not draining: a load balancer sends it new clients. */
    record Health(boolean up, String store, boolean storeUp, String bus, boolean busUp, boolean draining) {
    }

    Health health();
}
