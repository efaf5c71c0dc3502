package kr.co.stupy.adapter.web.health;

import io.javalin.config.RoutesConfig;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.application.health.port.in.CheckHealthQuery;

/**
 * Health for orchestrators, neither needing a token. {@code GET /api/health} is readiness: 200 while
 * the store and the bus answer, 503 when one does not or once the node drains on its way down.
 * {@code GET /api/health/live} is liveness: 200 whenever the process answers at all, so a node whose
 * database is away is not restarted for it.
 */
public final class HealthRoutes implements RouteGroup {

    record HealthResponse(String status, String store, String bus) {
    }

    record LiveResponse(String status) {
    }

    private static final LiveResponse ALIVE = new LiveResponse("up");

    private final CheckHealthQuery health;

    public HealthRoutes(CheckHealthQuery health) {
        this.health = health;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/health", ctx -> {
            CheckHealthQuery.Health now = health.health();
            String status = now.draining() ? "draining" : now.up() ? "up" : "down";
            ctx.status(now.up() ? 200 : 503).json(new HealthResponse(status, now.store(), now.bus()));
        });
        routes.get("/api/health/live", ctx -> ctx.json(ALIVE));
    }
}
