package kr.co.stupy.application.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import kr.co.stupy.application.identity.FakeTokens;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase;
import kr.co.stupy.application.identity.port.in.DevLogInUseCase.DevLogInCommand;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.application.identity.port.in.LogInUseCase;
import kr.co.stupy.application.identity.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.identity.port.out.StudyGoals;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.image.InMemoryImageStore;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import org.junit.jupiter.api.Test;

class IdentityServicesTest {

    final InMemoryUsers users = new InMemoryUsers();
    final FakeTokens tokens = new FakeTokens();
    final InMemoryImageStore images = new InMemoryImageStore();
    final RoomId room = RoomId.newId();
    final RoomMemberships memberships = userId -> List.of(room);
    final StudyGoals goals = userId -> OptionalInt.of(90);
    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    final LogInService logIn = new LogInService(users, tokens, memberships, goals, clock);
    final AuthenticationService authentication = new AuthenticationService(tokens, users);
    final ProfileService profiles = new ProfileService(users, images, memberships, goals);
    final MutableClock limitClock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    final InProcessRateLimits limits = new InProcessRateLimits(limitClock);
    final DevLogInService guests = guests(Budgets.defaults());

    private DevLogInService guests(Budgets budgets) {
        return new DevLogInService(logIn, users, true, limits, budgets);
    }

    private static DevLogInCommand newGuest(String nickname, String address) {
        return new DevLogInCommand(Optional.of(new Nickname(nickname)), Optional.empty(), address);
    }

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
        assertEquals(OptionalInt.of(90), first.profile().dailyGoalMinutes(), "a login shows the goal study time keeps");
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
        var disabled = new DevLogInService(logIn, users, false, limits, Budgets.defaults());
        var failure = assertThrows(DomainException.class, () -> disabled.devLogIn(newGuest("kim", "10.0.0.1")));
        assertEquals("DEV_LOGIN_DISABLED", failure.code());
        assertEquals(DomainException.Kind.NOT_FOUND, failure.kind());
    }

    @Test
    void aGuestIsFoundAgainByItsSecretOnlyAndTheSecretIsNotStored() {
        var first = guests.devLogIn(newGuest("kim", "10.0.0.1"));
        var again = guests.devLogIn(new DevLogInCommand(Optional.empty(), Optional.of(first.guestSecret()), "10.0.0.2"));
        var sameName = guests.devLogIn(newGuest("kim", "10.0.0.1"));

        UserId kim = first.result().profile().user().id();
        assertEquals(kim, again.result().profile().user().id());
        assertFalse(again.result().newUser());
        assertNotEquals(kim, sameName.result().profile().user().id());
        var account = users.byId(kim).orElseThrow().accounts().getFirst();
        assertFalse(account.accountId().contains(first.guestSecret().value()));
        assertTrue(account.accountId().startsWith("sha256:"));
    }

    @Test
    void aSecretNoGuestHoldsCreatesNothing() {
        var stranger = new DevLogInUseCase.GuestSecret("B".repeat(43));
        var failure = assertThrows(DomainException.class,
                () -> guests.devLogIn(new DevLogInCommand(Optional.of(new Nickname("x")), Optional.of(stranger), "10.0.0.1")));
        assertEquals("GUEST_UNKNOWN", failure.code());
        assertEquals(0, users.size());
    }

    @Test
    void newGuestsAndLoginsAreBudgetedPerAddressAndPerAccount() {
        var budgets = new Budgets(Map.of(
                Budgets.GUEST_SIGNUP_PER_ADDRESS.name(), Budgets.GUEST_SIGNUP_PER_ADDRESS.as(2, Duration.ofHours(1)),
                Budgets.LOGIN_PER_ACCOUNT.name(), Budgets.LOGIN_PER_ACCOUNT.as(3, Duration.ofMinutes(10))));
        var strict = guests(budgets);
        var first = strict.devLogIn(newGuest("a", "10.0.0.1"));
        strict.devLogIn(newGuest("b", "10.0.0.1"));
        var refused = assertThrows(RetryLaterException.class, () -> strict.devLogIn(newGuest("c", "10.0.0.1")));
        assertEquals("RATE_LIMITED", refused.code());
        assertTrue(refused.retryAfterSeconds() > 1000, "a new guest comes back every 30 minutes: " + refused.retryAfterSeconds());
        strict.devLogIn(newGuest("c", "10.0.0.2"));

        var returning = new DevLogInCommand(Optional.empty(), Optional.of(first.guestSecret()), "10.0.0.3");
        for (int i = 0; i < 3; i++) {
            strict.devLogIn(returning);
        }
        assertThrows(RetryLaterException.class, () -> strict.devLogIn(
                new DevLogInCommand(Optional.empty(), Optional.of(first.guestSecret()), "10.0.0.4")));
        limitClock.advance(Duration.ofMinutes(4));
        strict.devLogIn(returning);
    }

    @Test
    void unknownTokensAndDeletedUsersDoNotAuthenticate() {
        var failure = assertThrows(DomainException.class, () -> authentication.authenticate("nope"));
        assertEquals(DomainException.Kind.UNAUTHENTICATED, failure.kind());

        String token = guests.devLogIn(newGuest("temp", "10.0.0.1")).result().token();
        UserId id = authentication.authenticate(token);
        users.delete(id);
        assertThrows(DomainException.class, () -> authentication.authenticate(token));
    }

    @Test
    void pictureUploadsAreBudgetedPerUser() {
        var strict = new ProfileService(users, images, memberships, goals, limits, new Budgets(Map.of(
                Budgets.UPLOAD_PER_USER.name(), Budgets.UPLOAD_PER_USER.as(2, Duration.ofMinutes(10)))));
        UserId id = devUser("uploader");
        strict.changeImage(id, ImageUpload.of(AbstractImageStoreContract.PNG));
        strict.changeImage(id, ImageUpload.of(AbstractImageStoreContract.PNG));
        var refused = assertThrows(RetryLaterException.class, () -> strict.changeImage(id, ImageUpload.of(AbstractImageStoreContract.PNG)));
        assertEquals("RATE_LIMITED", refused.code());
        assertEquals(1, images.size(), "the refused picture was never stored");
        strict.changeImage(devUser("another"), ImageUpload.of(AbstractImageStoreContract.PNG));
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
        assertEquals(OptionalInt.of(90), cleared.dailyGoalMinutes(), "every profile answer shows the goal");
        assertEquals(OptionalInt.of(90), profiles.profile(id).dailyGoalMinutes());
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
        return guests.devLogIn(newGuest(name, "10.0.0.9")).result().profile().user().id();
    }
}
