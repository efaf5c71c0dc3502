package kr.co.stupy.identity.testing;

import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.ProfileEdit;
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
    void anEditChangesOnlyTheFieldsItNames() {
        User kim = candidate(Provider.KAKAO, "7", "kim");
        users.registerIfAbsent(kim);

        User renamed = users.edit(kim.id(), new ProfileEdit(Optional.of(new Nickname("김공부")), Optional.empty(), false))
                .orElseThrow();
        assertEquals(kim.rename(new Nickname("김공부")), renamed);
        assertEquals(Optional.of(renamed), users.byId(kim.id()));

        User cleared = users.edit(kim.id(), new ProfileEdit(Optional.empty(), Optional.empty(), true)).orElseThrow();
        assertEquals(Optional.empty(), cleared.email());
        assertEquals(new Nickname("김공부"), cleared.nickname());
        assertEquals(kim.profileImage(), cleared.profileImage());

        User mailed = users.edit(kim.id(), new ProfileEdit(Optional.empty(), Optional.of(new Email("k@example.com")), false))
                .orElseThrow();
        assertEquals(Optional.of(new Email("k@example.com")), mailed.email());
        assertEquals(Optional.of(mailed), users.byId(kim.id()));

        assertEquals(Optional.empty(), users.edit(UserId.newId(), new ProfileEdit(Optional.of(new Nickname("ghost")), Optional.empty(), false)));
    }

    @Test
    void aPictureIsReplacedOnlyWhileItIsStillTheOneExpected() {
        User kim = candidate(Provider.KAKAO, "11", "kim");
        users.registerIfAbsent(kim);

        User replaced = users.replaceProfileImage(kim.id(), kim.profileImage(), Optional.of("a.png")).orElseThrow();
        assertEquals(kim.changeProfileImage(Optional.of("a.png")), replaced);

        assertEquals(Optional.empty(), users.replaceProfileImage(kim.id(), kim.profileImage(), Optional.of("b.png")),
                "the picture seen is no longer there");
        assertEquals(Optional.of("a.png"), users.byId(kim.id()).orElseThrow().profileImage());

        assertEquals(Optional.empty(), users.replaceProfileImage(kim.id(), Optional.of("a.png"), Optional.empty())
                .orElseThrow().profileImage());
        assertEquals(Optional.of("c.png"), users.replaceProfileImage(kim.id(), Optional.empty(), Optional.of("c.png"))
                .orElseThrow().profileImage(), "from no picture");

        assertEquals(Optional.empty(), users.replaceProfileImage(UserId.newId(), Optional.empty(), Optional.of("d.png")));
    }

    @Test
    void parallelSwapsOfOnePictureHaveExactlyOneWinner() {
        User kim = candidate(Provider.KAKAO, "12", "kim");
        users.registerIfAbsent(kim);

        List<Optional<User>> swaps = Parallel.run(16, i ->
                users.replaceProfileImage(kim.id(), kim.profileImage(), Optional.of("p" + i + ".png")));

        List<User> winners = swaps.stream().flatMap(Optional::stream).toList();
        assertEquals(1, winners.size());
        assertEquals(winners.getFirst().profileImage(), users.byId(kim.id()).orElseThrow().profileImage());
    }

    @Test
    void anEditAndAPictureChangeThatRaceBothStay() {
        User kim = candidate(Provider.KAKAO, "13", "kim");
        users.registerIfAbsent(kim);

        for (int round = 0; round < 20; round++) {
            Nickname nickname = new Nickname("kim" + round);
            String picture = "round" + round + ".png";
            Optional<String> before = users.byId(kim.id()).orElseThrow().profileImage();
            Parallel.run(2, i -> i == 0
                    ? users.edit(kim.id(), new ProfileEdit(Optional.of(nickname), Optional.empty(), false))
                    : users.replaceProfileImage(kim.id(), before, Optional.of(picture)));

            User after = users.byId(kim.id()).orElseThrow();
            assertEquals(nickname, after.nickname());
            assertEquals(Optional.of(picture), after.profileImage());
            assertEquals(kim.email(), after.email());
        }
    }

    @Test
    void deletingAUserFreesTheAccountForANewUser() {
        User kim = candidate(Provider.KAKAO, "9", "kim");
        users.registerIfAbsent(kim);
        users.replaceProfileImage(kim.id(), kim.profileImage(), Optional.of("last.png"));

        assertEquals(Optional.of(kim.changeProfileImage(Optional.of("last.png"))), users.delete(kim.id()),
                "the user as they were when removed");
        assertEquals(Optional.empty(), users.delete(kim.id()));
        assertEquals(Optional.empty(), users.byId(kim.id()));
        assertEquals(Optional.empty(), users.byAccount(new LinkedAccount(Provider.KAKAO, "9")));
        assertEquals(Optional.empty(), users.edit(kim.id(), new ProfileEdit(Optional.of(new Nickname("back")), Optional.empty(), false)));

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
