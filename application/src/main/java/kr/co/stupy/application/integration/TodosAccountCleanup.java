package kr.co.stupy.application.integration;

import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.todos.port.in.ForgetAccountTodosUseCase;
import kr.co.stupy.shared.UserId;

/** Before an account goes, its todo lists go. */
public final class TodosAccountCleanup implements AccountCleanup {

    private final ForgetAccountTodosUseCase todos;

    public TodosAccountCleanup(ForgetAccountTodosUseCase todos) {
        this.todos = todos;
    }

    @Override
    public void accountDeleted(UserId userId) {
        todos.forgetTodosOf(userId);
    }
}
