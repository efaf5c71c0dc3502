package kr.co.stupy.application.identity.port.in;

import kr.co.stupy.shared.UserId;

/**
 * Deletes an account: leaves its rooms, deletes its lists, then the user; its tokens stop working.
 * Final once answered: a creation or join of the account racing it either seated before and was
 * cleaned up, or is refused ({@code 401}). While a creation or join that already holds a place
 * does not finish, it answers {@code 503 BUSY} and can be asked again.
 */
public interface DeleteAccountUseCase {
    void deleteAccount(UserId userId);
}
