package kr.co.stupy.application.rooms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase.CreateRoomCommand;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase.EditRoomCommand;
import kr.co.stupy.application.rooms.port.out.MemberRemovals;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.rooms.InMemoryRoomQuotas;
import kr.co.stupy.rooms.InMemoryRooms;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.Test;

/**
 * Guessing room passwords: what a typed password costs (budgets per user and per room, a hash only
 * after every cheap check) and what the owner is told. In-memory ports, a hasher that counts.
 */
class RoomPasswordGuessingTest {

    private static final RoomPassword SECRET = new RoomPassword("s3cret");
    /** The default budget of wrong passwords per user: 5 per 10 minutes, so one comes back every 2 minutes. */
    private static final int PER_USER = 5;
    private static final Duration ONE_BACK = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    private final InMemoryRooms rooms = new InMemoryRooms();
    private final InMemoryRoomQuotas quotas = new InMemoryRoomQuotas();
    private final CountingHasher hasher = new CountingHasher();
    private final RoomServices services = RoomServices.create(new RoomServices.Dependencies(rooms, quotas, new InMemoryUsers(), hasher,
            new InProcessRateLimits(clock), Budgets.defaults(), new NoImages(), roomIds -> kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomsNow.NOBODY, List.of(),
            new MemberRemovals() {
                @Override
                public void memberRemoved(RoomId roomId, UserId userId) {
                }

                @Override
                public void memberLeft(RoomId roomId, UserId userId) {
                }
            }, clock));
    private final RoomLifecycleService manage = services.manage();
    private final RoomMembershipService membership = services.membership();
    private final RoomQueryService queries = new RoomQueryService(rooms, new InMemoryUsers(), roomIds -> kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomsNow.NOBODY,
            new kr.co.stupy.rooms.InMemoryRoomPomodoros());
    private final UserId owner = UserId.newId();
    private final UserId kim = UserId.newId();

    @Test
    void noPasswordIsHashedBeforeEveryCheapCheckPassed() {
        RoomId locked = create(owner, Optional.of(SECRET), Optional.of(3));
        hasher.reset();

        // The user's 5 rooms: refused before the hash.
        for (int i = 0; i < 5; i++) {
            create(kim, Optional.empty(), Optional.empty());
        }
        assertEquals("JOIN_LIMIT", code(() -> join(kim, locked, "guess1")));
        assertEquals("JOIN_LIMIT", code(() -> create(kim, Optional.of(SECRET), Optional.empty())));

        UserId lee = UserId.newId();
        UserId park = UserId.newId();
        join(lee, locked, SECRET.value());
        join(park, locked, SECRET.value());
        hasher.reset();
        // A full room: refused before the hash.
        assertEquals("ROOM_FULL", code(() -> join(UserId.newId(), locked, "guess1")));
        // An edit the room refuses, or by someone not the owner: refused before hashing the new password.
        assertEquals("CAPACITY_BELOW_MEMBERS", code(() -> manage.edit(passwordEdit(owner, locked, Optional.of(2)))));
        assertEquals("NOT_OWNER", code(() -> manage.edit(passwordEdit(park, locked, Optional.empty()))));
        // A ban: refused before the hash, even with the right password.
        membership.kick(owner, locked, lee);
        assertEquals("BANNED", code(() -> join(lee, locked, SECRET.value())));

        assertEquals(0, hasher.hashes.get(), "no password was hashed");
        assertEquals(0, hasher.matches.get(), "no password was compared");
        assertEquals(0, rooms.refusedPasswordAttempts(locked), "a refusal before the check is no wrong password");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilOneComesBack() {
        RoomId id = create(owner, Optional.of(SECRET), Optional.empty());
        hasher.reset();
        for (int i = 0; i < PER_USER; i++) {
            assertEquals("WRONG_PASSWORD", code(() -> join(kim, id, "guess1")));
        }

        RetryLaterException refused = assertInstanceOf(RetryLaterException.class,
                assertThrows(DomainException.class, () -> join(kim, id, SECRET.value())));
        assertEquals("RATE_LIMITED", refused.code());
        assertTrue(refused.retryAfterSeconds() > 0 && refused.retryAfterSeconds() <= ONE_BACK.toSeconds(),
                "Retry-After says when the next attempt is allowed: " + refused.retryAfterSeconds());
        assertEquals(PER_USER, hasher.matches.get(), "a refused attempt is not hashed");
        assertEquals(Set.of(), quotas.held(kim), "a refused attempt keeps no place");

        clock.advance(ONE_BACK);
        join(kim, id, SECRET.value());
        assertTrue(rooms.byId(id).orElseThrow().isMember(kim));
    }

    @Test
    void theRightPasswordCostsNothingFromTheBudgets() {
        RoomId id = create(owner, Optional.of(SECRET), Optional.empty());
        for (int i = 0; i < 3 * PER_USER; i++) {
            join(kim, id, SECRET.value());
            membership.leave(kim, id);
        }
        for (int i = 0; i < PER_USER; i++) {
            assertEquals("WRONG_PASSWORD", code(() -> join(kim, id, "guess1")), "the whole budget is still there");
        }
        assertEquals("RATE_LIMITED", code(() -> join(kim, id, "guess1")));
    }

    @Test
    void theRoomsBudgetStopsManyGuessersTogetherAndLeavesTheirOwnBudgets() {
        RoomId id = create(owner, Optional.of(SECRET), Optional.empty());
        RoomId other = create(owner, Optional.of(SECRET), Optional.empty());
        long perRoom = Budgets.WRONG_PASSWORD_PER_ROOM.capacity();
        for (int i = 0; i < perRoom; i++) {
            UserId guesser = UserId.newId();
            assertEquals("WRONG_PASSWORD", code(() -> join(guesser, id, "guess1")));
        }

        assertEquals("RATE_LIMITED", code(() -> join(kim, id, SECRET.value())));
        // The room refused kim's attempt, so kim's own budget gave it back: all five are left for another room.
        for (int i = 0; i < PER_USER; i++) {
            assertEquals("WRONG_PASSWORD", code(() -> join(kim, other, "guess1")));
        }
        assertEquals("RATE_LIMITED", code(() -> join(kim, other, "guess1")));
    }

    @Test
    void parallelGuessesNeverGetMoreChecksThanTheBudget() {
        RoomId id = create(owner, Optional.of(SECRET), Optional.empty());
        hasher.reset();

        Map<String, Long> answers = Parallel.run(32, i -> code(() -> join(kim, id, "guess" + (i % 10))))
                .stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of("WRONG_PASSWORD", (long) PER_USER, "RATE_LIMITED", 32L - PER_USER), answers);
        assertEquals(PER_USER, hasher.matches.get());
        assertEquals(PER_USER, rooms.refusedPasswordAttempts(id));
    }

    @Test
    void theOwnerAloneIsToldHowManyWrongPasswordsWereRefusedSinceThePasswordWasSet() {
        RoomId id = create(owner, Optional.of(SECRET), Optional.empty());
        join(kim, id, SECRET.value());
        UserId guesser = UserId.newId();
        for (int i = 0; i < PER_USER + 2; i++) {
            code(() -> join(guesser, id, "guess1"));
        }
        code(() -> membership.join(UserId.newId(), id, Optional.empty()));

        assertEquals(Optional.of((long) PER_USER), queries.room(owner, id).refusedPasswordAttempts(),
                "wrong passwords that were checked; neither attempts the budget refused nor a missing password");
        assertEquals(Optional.empty(), queries.room(kim, id).refusedPasswordAttempts(), "a member is not told");
        assertEquals(Optional.empty(), queries.room(guesser, id).refusedPasswordAttempts());

        manage.edit(passwordEdit(owner, id, Optional.empty()));
        assertEquals(Optional.of(0L), queries.room(owner, id).refusedPasswordAttempts(), "a new password starts afresh");
    }

    @Test
    void aHashThatCouldNotRunGivesTheAttemptAndThePlaceBack() {
        RoomId id = create(owner, Optional.of(SECRET), Optional.empty());
        hasher.busy = true;
        for (int i = 0; i < 2 * PER_USER; i++) {
            assertEquals("BUSY", code(() -> join(kim, id, "guess1")));
        }
        hasher.busy = false;

        assertEquals(Set.of(), quotas.held(kim));
        assertEquals(0, rooms.refusedPasswordAttempts(id));
        join(kim, id, SECRET.value());
        assertTrue(rooms.byId(id).orElseThrow().isMember(kim));
    }

    @Test
    void noPasswordOnALockedRoomIsWrongWithoutCostingAnything() {
        RoomId id = create(owner, Optional.of(SECRET), Optional.empty());
        hasher.reset();
        for (int i = 0; i < 2 * PER_USER; i++) {
            assertEquals("WRONG_PASSWORD", code(() -> membership.join(kim, id, Optional.empty())));
        }
        assertEquals(0, hasher.matches.get());
        join(kim, id, SECRET.value());
        assertFalse(queries.room(owner, id).refusedPasswordAttempts().orElseThrow() > 0);
    }

    private void join(UserId user, RoomId room, String password) {
        membership.join(user, room, Optional.of(new RoomPassword(password)));
    }

    private RoomId create(UserId creator, Optional<RoomPassword> password, Optional<Integer> maxMembers) {
        return manage.create(new CreateRoomCommand(creator, new RoomTitle("room"), new RoomDescription("desc"), password,
                List.of(), Optional.empty(), maxMembers)).room().id();
    }

    private static EditRoomCommand passwordEdit(UserId actor, RoomId room, Optional<Integer> maxMembers) {
        return new EditRoomCommand(actor, room, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, maxMembers, Optional.of(new RoomPassword("newpw1")), false);
    }

    private static String code(Runnable action) {
        return assertThrows(DomainException.class, action::run).code();
    }

    /** Marks hashes visibly, counts hashes and comparisons, and can stand for a pool that is full. */
    private static final class CountingHasher implements PasswordHasher {
        final AtomicInteger hashes = new AtomicInteger();
        final AtomicInteger matches = new AtomicInteger();
        volatile boolean busy;

        void reset() {
            hashes.set(0);
            matches.set(0);
        }

        @Override
        public PasswordHash hash(RoomPassword password) {
            hashes.incrementAndGet();
            return new PasswordHash("hash:" + password.value());
        }

        @Override
        public boolean matches(RoomPassword password, PasswordHash hash) {
            if (busy) {
                throw RetryLaterException.busy("busy", Duration.ofSeconds(1));
            }
            matches.incrementAndGet();
            return hash.encoded().equals("hash:" + password.value());
        }
    }

    private static final class NoImages implements ImageStore {
        @Override
        public String store(ImageUpload image) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredImage> load(String key) {
            return Optional.empty();
        }

        @Override
        public void delete(String key) {
        }
    }
}
