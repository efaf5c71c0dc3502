package kr.co.stupy.application.identity.service;

import java.time.Clock;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.application.identity.port.in.UserProfile;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.identity.port.out.StudyGoals;
import kr.co.stupy.application.identity.port.out.TokenService;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;

public final class LogInService implements LogInUseCase {

    private final Users users;
    private final TokenService tokens;
    private final RoomMemberships memberships;
    private final StudyGoals goals;
    private final Clock clock;

    public LogInService(Users users, TokenService tokens, RoomMemberships memberships, StudyGoals goals, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.memberships = memberships;
        this.goals = goals;
        this.clock = clock;
    }

    @Override
    public LogInResult logIn(LogInCommand command) {
        Users.Registration registration = users.byAccount(command.account())
                .map(existing -> new Users.Registration(existing, false))
                .orElseGet(() -> users.registerIfAbsent(User.register(command.account(), command.nickname(),
                        command.email(), command.profileImageUrl(), clock.instant())));
        User user = registration.user();
        TokenService.IssuedToken token = tokens.issue(user.id());
        return new LogInResult(token.token(), token.expiresAt(), registration.created(),
                new UserProfile(user, memberships.roomsOf(user.id()), goals.dailyGoalMinutesOf(user.id())));
    }
}
