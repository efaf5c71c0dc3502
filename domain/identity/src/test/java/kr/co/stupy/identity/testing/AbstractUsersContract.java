package kr.co.stupy.identity.testing;

import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Users} implementation promises. Extend it once per implementation. */
public abstract class AbstractUsersContract {

    protected Users users;

    protected abstract Users createUsers();

    @BeforeEach
    void setUpUsers() {
        users = createUsers();
    }

    protected static User candidate(Provider provider, String accountId, String nickname) {
        return User.register(new LinkedAccount(provider, accountId), new Nickname(nickname),
                Optional.of(new Email(nickname + "@example.com")), Optional.of("https://img.example/p.png"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void registersAndFindsByIdAndByAccount() {
        User kim = candidate(Provider.KAKAO, "1001", "kim");
        Users.Registration registration = users.registerIfAbsent(kim);

        assertTrue(registration.created());
        assertEquals(kim, registration.user());
        assertEquals(Optional.of(kim), users.byId(kim.id()));
        assertEquals(Optional.of(kim), users.byAccount(new LinkedAccount(Provider.KAKAO, "1001")));
        assertEquals(Optional.empty(), users.byAccount(new LinkedAccount(Provider.NAVER, "1001")));
        assertEquals(Optional.empty(), users.byId(UserId.newId()));
    }

    @Test
    void aSecondRegistrationOfTheSameAccountReturnsTheFirstUser() {
        User first = candidate(Provider.NAVER, "abc", "lee");
        users.registerIfAbsent(first);

        Users.Registration again = users.registerIfAbsent(candidate(Provider.NAVER, "abc", "other"));

        assertFalse(again.created());
        assertEquals(first, again.user());
    }

    @Test
    void parallelFirstLoginsOfOneAccountCreateExactlyOneUser() {
        List<Users.Registration> registrations = Parallel.run(32, i -> users.registerIfAbsent(candidate(Provider.DEV, "park", "park")));

        Set<UserId> ids = registrations.stream().map(r -> r.user().id()).collect(java.util.stream.Collectors.toSet());
        assertEquals(1, ids.size(), "one user for one account");
        assertEquals(1, registrations.stream().filter(Users.Registration::created).count(), "exactly one caller created it");
        assertTrue(users.byId(ids.iterator().next()).isPresent());
    }

    @Test
    void updatesAProfileAndRefusesUnknownUsers() {
        User kim = candidate(Provider.KAKAO, "7", "kim");
        users.registerIfAbsent(kim);

        User renamed = kim.rename(new Nickname("김공부")).changeEmail(Optional.empty()).changeProfileImage(Optional.empty());
        assertTrue(users.update(renamed));
        assertEquals(Optional.of(renamed), users.byId(kim.id()));

        assertFalse(users.update(candidate(Provider.KAKAO, "8", "ghost")));
    }

    @Test
    void deletingAUserFreesTheAccountForANewUser() {
        User kim = candidate(Provider.KAKAO, "9", "kim");
        users.registerIfAbsent(kim);

        assertTrue(users.delete(kim.id()));
        assertFalse(users.delete(kim.id()));
        assertEquals(Optional.empty(), users.byId(kim.id()));
        assertEquals(Optional.empty(), users.byAccount(new LinkedAccount(Provider.KAKAO, "9")));

        Users.Registration again = users.registerIfAbsent(candidate(Provider.KAKAO, "9", "kim"));
        assertTrue(again.created());
        assertFalse(again.user().id().equals(kim.id()));
    }

    @Test
    void loadsManyByIdAndSkipsUnknownOnes() {
        User a = candidate(Provider.DEV, "a", "a");
        User b = candidate(Provider.DEV, "b", "b");
        users.registerIfAbsent(a);
        users.registerIfAbsent(b);

        var found = users.byIds(List.of(a.id(), b.id(), UserId.newId()));

        assertEquals(2, found.size());
        assertEquals(a, found.get(a.id()));
        assertEquals(b, found.get(b.id()));
    }
}
