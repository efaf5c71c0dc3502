package kr.co.stupy.adapter.web.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.adapter.web.support.JsonBody;
import kr.co.stupy.adapter.web.support.Multipart;
import kr.co.stupy.application.identity.port.in.ChangeProfileImageUseCase;
import kr.co.stupy.application.identity.port.in.DeleteAccountUseCase;
import kr.co.stupy.application.identity.port.in.GetProfileQuery;
import kr.co.stupy.application.identity.port.in.UpdateProfileUseCase;
import kr.co.stupy.application.studytime.port.in.SetDailyGoalUseCase;
import kr.co.stupy.application.studytime.port.in.SetDailyGoalUseCase.SetDailyGoalCommand;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.studytime.DailyGoal;

/** {@code /api/users/me}: read, change and delete one's own account, and set one's daily study goal. */
public final class UserRoutes implements RouteGroup {

    private final GetProfileQuery profiles;
    private final UpdateProfileUseCase updateProfile;
    private final ChangeProfileImageUseCase changeImage;
    private final DeleteAccountUseCase deleteAccount;
    private final SetDailyGoalUseCase setDailyGoal;
    private final ObjectMapper mapper;

    public UserRoutes(GetProfileQuery profiles, UpdateProfileUseCase updateProfile, ChangeProfileImageUseCase changeImage,
                      DeleteAccountUseCase deleteAccount, SetDailyGoalUseCase setDailyGoal, ObjectMapper mapper) {
        this.profiles = profiles;
        this.updateProfile = updateProfile;
        this.changeImage = changeImage;
        this.deleteAccount = deleteAccount;
        this.setDailyGoal = setDailyGoal;
        this.mapper = mapper;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/users/me", ctx -> ctx.json(UserResponse.of(profiles.profile(Authenticated.userId(ctx)))));
        routes.patch("/api/users/me", this::update);
        routes.put("/api/users/me/image", ctx -> ctx.json(UserResponse.of(
                changeImage.changeImage(Authenticated.userId(ctx), Multipart.image(ctx, "image")))));
        routes.put("/api/users/me/goal", this::setGoal);
        routes.delete("/api/users/me", ctx -> {
            deleteAccount.deleteAccount(Authenticated.userId(ctx));
            ctx.status(204);
        });
    }

    private void update(Context ctx) {
        var userId = Authenticated.userId(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        Optional<Nickname> nickname = body.convert(body.string("nickname"), Nickname::new);
        body.check(!body.isNull("nickname"), "nickname", "cannot be removed");
        Optional<String> rawEmail = body.string("email");
        // An empty or null e-mail removes it; anything else must be an address.
        boolean clearEmail = body.isNull("email") || rawEmail.map(String::isBlank).orElse(false);
        Optional<Email> email = clearEmail ? Optional.empty() : body.convert(rawEmail, Email::new);
        body.validate();
        ctx.json(UserResponse.of(updateProfile.update(
                new UpdateProfileUseCase.UpdateProfileCommand(userId, nickname, email, clearEmail))));
    }

    /** {@code {"dailyMinutes": 30..960}} sets the goal, {@code {"dailyMinutes": null}} clears it; the field must be there. */
    private void setGoal(Context ctx) {
        var userId = Authenticated.userId(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        // A forgotten field must not read as "clear": only an explicit null clears the goal.
        body.check(body.has(DailyGoal.FIELD), DailyGoal.FIELD, "is required (null clears the goal)");
        Optional<DailyGoal> goal = body.convert(body.integer(DailyGoal.FIELD), DailyGoal::new);
        body.validate();
        setDailyGoal.setDailyGoal(new SetDailyGoalCommand(userId, goal));
        ctx.json(UserResponse.of(profiles.profile(userId)));
    }
}
