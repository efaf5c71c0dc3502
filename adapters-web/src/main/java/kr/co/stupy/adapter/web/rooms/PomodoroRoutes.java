package kr.co.stupy.adapter.web.rooms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.live.PomodoroResponse;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.adapter.web.support.JsonBody;
import kr.co.stupy.application.rooms.port.in.RoomPomodoroUseCase;
import kr.co.stupy.application.rooms.port.in.RoomPomodoroUseCase.StartPomodoro;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.shared.RoomId;

/** {@code PUT} and {@code DELETE /api/rooms/{id}/pomodoro}: the owner starts (or restarts) and stops the room's pomodoro. */
public final class PomodoroRoutes implements RouteGroup {

    private final RoomPomodoroUseCase pomodoros;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PomodoroRoutes(RoomPomodoroUseCase pomodoros, ObjectMapper mapper, Clock clock) {
        this.pomodoros = pomodoros;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.put("/api/rooms/{id}/pomodoro", this::start);
        routes.delete("/api/rooms/{id}/pomodoro", ctx -> {
            pomodoros.stop(Authenticated.userId(ctx), roomId(ctx));
            ctx.status(204);
        });
    }

    private void start(Context ctx) {
        RoomId roomId = roomId(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        var focus = required(body, "focusSeconds");
        var rest = required(body, "breakSeconds");
        var longRest = required(body, "longBreakSeconds");
        var rounds = required(body, "roundsBeforeLongBreak");
        body.validate();
        Pomodoro started = pomodoros.start(new StartPomodoro(Authenticated.userId(ctx), roomId, focus, rest, longRest, rounds));
        ctx.json(PomodoroResponse.orNull(java.util.Optional.of(started), clock.instant()));
    }

    private static int required(JsonBody body, String field) {
        body.check(body.has(field) && !body.isNull(field), field, "is required");
        return body.integer(field).orElse(0);
    }

    private static RoomId roomId(Context ctx) {
        return RoomId.parse(ctx.pathParam("id")).orElseThrow(RoomErrors::notFound);
    }
}
