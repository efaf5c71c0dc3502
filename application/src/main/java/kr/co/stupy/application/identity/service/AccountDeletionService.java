package kr.co.stupy.application.identity.service;

import java.util.List;
import kr.co.stupy.application.identity.port.in.DeleteAccountUseCase;
import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.UserId;

/**
 * Runs every context's clean-up first and deletes the user last: if anything fails half way the
 * account still exists, still authenticates, and the deletion can simply be asked for again.
 */
public final class AccountDeletionService implements DeleteAccountUseCase {

    private final Users users;
    private final ImageStore images;
    private final List<AccountCleanup> cleanups;

    public AccountDeletionService(Users users, ImageStore images, List<AccountCleanup> cleanups) {
        this.users = users;
        this.images = images;
        this.cleanups = List.copyOf(cleanups);
    }

    @Override
    public void deleteAccount(UserId userId) {
        users.byId(userId).orElseThrow(IdentityErrors::unauthenticated);
        cleanups.forEach(cleanup -> cleanup.accountDeleted(userId));
        // The picture the user had at the moment of removal: one swapped in during the clean-up is not left behind.
        users.delete(userId).flatMap(User::profileImage).filter(StoredImages::isStoredKey).ifPresent(images::delete);
    }
}
