package kr.co.stupy.application.todos.port.in;

import kr.co.stupy.shared.UserId;

/** An account is being deleted: every todo list it owns goes. Idempotent. */
public interface ForgetAccountTodosUseCase {
    void forgetTodosOf(UserId owner);
}
