package kr.co.stupy.application.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.identity.FakeTokens;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase.DevLogInCommand;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.application.identity.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.image.InMemoryImageStore;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

class IdentityServicesTest {

    final InMemoryUsers users = new InMemoryUsers();
    final FakeTokens tokens = new FakeTokens();
    final InMemoryImageStore images = new InMemoryImageStore();
    final RoomId room = RoomId.newId();
    final RoomMemberships memberships = userId -> List.of(room);
    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    final LogInService logIn = new LogInService(users, tokens, memberships, clock);
    final AuthenticationService authentication = new AuthenticationService(tokens, users);
    final ProfileService profiles = new ProfileService(users, images, memberships);

    @Test
    void aFirstLoginRegistersAndLaterLoginsFindTheSameUser() {
        var command = new LogInUseCase.LogInCommand(new LinkedAccount(Provider.KAKAO, "42"), new Nickname("kim"),
                Optional.of(new Email("kim@example.com")), Optional.of("https://k.kakaocdn.net/p.jpg"));
        var first = logIn.logIn(command);
        var second = logIn.logIn(command);

        assertTrue(first.newUser());
        assertFalse(second.newUser());
        assertEquals(first.profile().user().id(), second.profile().user().id());
        assertEquals(List.of(room), first.profile().joinedRoomIds());
        assertEquals(Optional.of("https://k.kakaocdn.net/p.jpg"), first.profile().user().profileImage());
        assertEquals(first.profile().user().id(), authentication.authenticate(first.token()));
    }

    @Test
    void aProviderImageThatIsNotHttpsIsDropped() {
        var command = new LogInUseCase.LogInCommand(new LinkedAccount(Provider.NAVER, "n1"), new Nickname("lee"),
                Optional.empty(), Optional.of("javascript:alert(1)"));
        assertEquals(Optional.empty(), logIn.logIn(command).profile().user().profileImage());
    }

    @Test
    void devLoginIsRefusedWhileDisabled() {
        var disabled = new DevLogInService(logIn, false);
        var failure = assertThrows(DomainException.class, () -> disabled.devLogIn(new DevLogInCommand(new Nickname("kim"))));
        assertEquals("DEV_LOGIN_DISABLED", failure.code());
        assertEquals(DomainException.Kind.NOT_FOUND, failure.kind());
    }

    @Test
    void unknownTokensAndDeletedUsersDoNotAuthenticate() {
        var failure = assertThrows(DomainException.class, () -> authentication.authenticate("nope"));
        assertEquals(DomainException.Kind.UNAUTHENTICATED, failure.kind());

        String token = new DevLogInService(logIn, true).devLogIn(new DevLogInCommand(new Nickname("temp"))).token();
        UserId id = authentication.authenticate(token);
        users.delete(id);
        assertThrows(DomainException.class, () -> authentication.authenticate(token));
    }

    @Test
    void changingTheImageDeletesTheOldStoredOne() {
        UserId id = devUser("pic");
        String first = profiles.changeImage(id, ImageUpload.of(AbstractImageStoreContract.PNG)).user().profileImage().orElseThrow();
        String second = profiles.changeImage(id, ImageUpload.of(AbstractImageStoreContract.PNG)).user().profileImage().orElseThrow();

        assertTrue(images.load(first).isEmpty());
        assertTrue(images.load(second).isPresent());
        assertEquals(1, images.size());
    }

    @Test
    void updatingSetsAndClearsFields() {
        UserId id = devUser("upd");
        var changed = profiles.update(new UpdateProfileCommand(id, Optional.of(new Nickname("새이름")),
                Optional.of(new Email("a@b.co")), false));
        assertEquals("새이름", changed.user().nickname().value());
        assertEquals("a@b.co", changed.user().email().orElseThrow().value());

        var cleared = profiles.update(new UpdateProfileCommand(id, Optional.empty(), Optional.empty(), true));
        assertEquals(Optional.empty(), cleared.user().email());
        assertEquals("새이름", cleared.user().nickname().value());
    }

    @Test
    void deletingAnAccountCleansUpEveryContextBeforeTheUserGoes() {
        UserId id = devUser("bye");
        String picture = profiles.changeImage(id, ImageUpload.of(AbstractImageStoreContract.PNG)).user().profileImage().orElseThrow();
        AccountCleanup rooms = mock(AccountCleanup.class);
        AccountCleanup todos = mock(AccountCleanup.class);
        var deletion = new AccountDeletionService(users, images, List.of(rooms, todos));

        deletion.deleteAccount(id);

        var order = inOrder(rooms, todos);
        order.verify(rooms).accountDeleted(id);
        order.verify(todos).accountDeleted(id);
        assertTrue(users.byId(id).isEmpty());
        assertTrue(images.load(picture).isEmpty());
    }

    @Test
    void aFailedCleanupKeepsTheAccountSoDeletionCanBeRetried() {
        UserId id = devUser("retry");
        AccountCleanup broken = mock(AccountCleanup.class);
        doThrow(new IllegalStateException("store down")).when(broken).accountDeleted(id);

        assertThrows(IllegalStateException.class, () -> new AccountDeletionService(users, images, List.of(broken)).deleteAccount(id));
        assertTrue(users.byId(id).isPresent());
    }

    private UserId devUser(String name) {
        return new DevLogInService(logIn, true).devLogIn(new DevLogInCommand(new Nickname(name))).profile().user().id();
    }
}
