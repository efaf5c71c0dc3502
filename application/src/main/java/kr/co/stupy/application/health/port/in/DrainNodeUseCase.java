package kr.co.stupy.application.health.port.in;

/**
 * The node is about to stop (SIGTERM): from now on it reports itself not ready, so load balancers
 * send new clients elsewhere while the clients it has are still served.
 */
public interface DrainNodeUseCase {

    void startDraining();
}
