package kr.co.stupy.adapter.web.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.JsonBody;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.identity.Nickname;

/** {@code /api/auth/providers} and the dev login; the OAuth redirects live with their adapter. */
public final class AuthRoutes implements RouteGroup {

    record LogInResponse(String token, boolean newUser, UserResponse user, String guestSecret) {
    }

    private final DevLogInUseCase devLogIn;
    private final Supplier<List<String>> enabledProviders;
    private final ObjectMapper mapper;

    public AuthRoutes(DevLogInUseCase devLogIn, Supplier<List<String>> enabledProviders, ObjectMapper mapper) {
        this.devLogIn = devLogIn;
        this.enabledProviders = enabledProviders;
        this.mapper = mapper;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/auth/providers", ctx -> ctx.json(Map.of("providers", enabledProviders.get())));
        routes.post("/api/auth/dev-login", this::devLogIn);
    }

    private void devLogIn(Context ctx) {
        if (!devLogIn.enabled()) {
            // Checked before the body so a disabled dev login looks like no route at all.
            devLogIn.devLogIn(null);
        }
        JsonBody body = JsonBody.of(ctx, mapper);
        var secret = body.convert(body.string("guestSecret"), DevLogInUseCase.GuestSecret::new);
        // A returning guest is known by the secret; only a new guest needs a nickname.
        var nickname = body.convert(body.has("guestSecret") && !body.isNull("guestSecret")
                ? body.string("nickname") : body.requiredString("nickname"), Nickname::new);
        body.validate();
        DevLogInUseCase.GuestLogIn login = devLogIn.devLogIn(new DevLogInUseCase.DevLogInCommand(nickname, secret, ctx.ip()));
        LogInUseCase.LogInResult result = login.result();
        ctx.json(new LogInResponse(result.token(), result.newUser(), UserResponse.of(result.profile()), login.guestSecret().value()));
    }
}
