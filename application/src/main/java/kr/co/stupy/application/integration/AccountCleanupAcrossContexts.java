package kr.co.stupy.application.integration;

import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.rooms.port.in.LeaveAllRoomsUseCase;
import kr.co.stupy.application.studytime.port.in.ForgetAccountGoalsUseCase;
import kr.co.stupy.application.todos.port.in.ForgetAccountTodosUseCase;
import kr.co.stupy.shared.UserId;

/**
 * Before an account goes, it leaves every room (the rooms it owns close), then its todo lists and its
 * daily goals go. Each step is idempotent, so a deletion that failed half way is simply run again.
 */
public final class AccountCleanupAcrossContexts implements AccountCleanup {

    private final LeaveAllRoomsUseCase rooms;
    private final ForgetAccountTodosUseCase todos;
    private final ForgetAccountGoalsUseCase goals;

    public AccountCleanupAcrossContexts(LeaveAllRoomsUseCase rooms, ForgetAccountTodosUseCase todos, ForgetAccountGoalsUseCase goals) {
        this.rooms = rooms;
        this.todos = todos;
        this.goals = goals;
    }

    @Override
    public void accountDeleted(UserId userId) {
        rooms.leaveAllRoomsOf(userId);
        todos.forgetTodosOf(userId);
        goals.forgetGoalsOf(userId);
    }
}
