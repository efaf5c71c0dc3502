package kr.co.stupy.application.identity.port.out;

import kr.co.stupy.shared.UserId;

/**
 * What another context must do before an account disappears (leave rooms, delete todo lists...).
 * Each step is idempotent: a deletion that failed half way is simply run again.
 */
public interface AccountCleanup {
    void accountDeleted(UserId userId);
}
