package kr.co.stupy.application.studytime.port.in;

import kr.co.stupy.shared.UserId;

/** An account is being deleted: every daily goal it set goes. Idempotent. */
public interface ForgetAccountGoalsUseCase {
    void forgetGoalsOf(UserId userId);
}
