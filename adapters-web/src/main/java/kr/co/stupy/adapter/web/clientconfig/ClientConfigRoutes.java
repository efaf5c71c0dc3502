package kr.co.stupy.adapter.web.clientconfig;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kr.co.stupy.adapter.web.RouteGroup;

/**
 * {@code GET /api/client-config}: what the web app needs before anyone logs in — the ICE servers for
 * WebRTC, the login providers that are on, and how many may be live in a room.
 */
public final class ClientConfigRoutes implements RouteGroup {

    private final List<IceServer> iceServers;
    private final Supplier<List<String>> enabledProviders;
    private final int maxLivePerRoom;

    /** {@code enabledProviders}: the same list {@code /api/auth/providers} answers, so the two never disagree. */
    public ClientConfigRoutes(List<IceServer> iceServers, Supplier<List<String>> enabledProviders, int maxLivePerRoom) {
        if (maxLivePerRoom < 1) {
            throw new IllegalArgumentException("maxLivePerRoom must be at least 1");
        }
        this.iceServers = List.copyOf(iceServers);
        this.enabledProviders = enabledProviders;
        this.maxLivePerRoom = maxLivePerRoom;
    }

    @Override
    public void register(RoutesConfig routes) {
        List<Map<String, Object>> ice = iceServers.stream().map(IceServer::asJson).toList();
        routes.get("/api/client-config", ctx -> ctx.json(Map.of(
                "iceServers", ice,
                "providers", enabledProviders.get(),
                "maxLivePerRoom", maxLivePerRoom)));
    }
}
