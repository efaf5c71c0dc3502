package kr.co.stupy.adapter.web.health;

import io.javalin.config.RoutesConfig;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.application.health.port.in.CheckHealthQuery;

/** {@code GET /api/health}: 200 while the store and the bus answer, 503 otherwise. */
public final class HealthRoutes implements RouteGroup {

    record HealthResponse(String status, String store, String bus) {
    }

    private final CheckHealthQuery health;

    public HealthRoutes(CheckHealthQuery health) {
        this.health = health;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/health", ctx -> {
            CheckHealthQuery.Health now = health.health();
            ctx.status(now.up() ? 200 : 503).json(new HealthResponse(now.up() ? "up" : "down", now.store(), now.bus()));
        });
    }
}
