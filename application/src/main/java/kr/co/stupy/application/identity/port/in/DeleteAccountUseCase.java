package kr.co.stupy.application.identity.port.in;

import kr.co.stupy.shared.UserId;

/** Deletes an account: leaves its rooms, deletes its lists, then the user; its tokens stop working. */
public interface DeleteAccountUseCase {
    void deleteAccount(UserId userId);
}
