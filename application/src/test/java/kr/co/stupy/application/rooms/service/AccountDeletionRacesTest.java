package kr.co.stupy.application.rooms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.identity.service.AccountDeletionService;
import kr.co.stupy.application.image.InMemoryImageStore;
import kr.co.stupy.application.integration.AccountCleanupAcrossContexts;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase.CreateRoomCommand;
import kr.co.stupy.application.rooms.port.out.MemberRemovals;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.rooms.InMemoryRoomQuotas;
import kr.co.stupy.rooms.InMemoryRooms;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.Test;

/**
 * An account deleted while its owner creates and joins rooms in other requests. Writes of rooms
 * take a few milliseconds here, as database writes do, so a creation or join that took its place
 * before the deletion began is still on its way while the deletion cleans up.
 */
class AccountDeletionRacesTest {

    private static final int ROUNDS = 12;

    private final InMemoryRooms stored = new InMemoryRooms();
    private final InMemoryRoomQuotas quotas = new InMemoryRoomQuotas();
    private final InMemoryUsers users = new InMemoryUsers();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    private final RoomServices services = RoomServices.create(new RoomServices.Dependencies(slowWrites(stored), quotas, users, new PlainHasher(),
            // Rounds of creations by one account are the point here, not the creation budget.
            new InProcessRateLimits(Clock.systemUTC()), new Budgets(java.util.Map.of(Budgets.ROOM_CREATE_PER_USER.name(),
                    kr.co.stupy.application.limits.Budget.unlimited(Budgets.ROOM_CREATE_PER_USER.name()))), new InMemoryImageStore(), roomIds -> kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomsNow.NOBODY, List.of(), new MemberRemovals() {
                @Override
                public void memberRemoved(RoomId roomId, UserId userId) {
                }

                @Override
                public void memberLeft(RoomId roomId, UserId userId) {
                }
            }, clock));
    private final RoomLifecycleService roomLifecycle = services.manage();
    private final RoomMembershipService roomMembership = services.membership();
    private final AccountDeletionService deletion = new AccountDeletionService(users, new InMemoryImageStore(),
            List.of(new AccountCleanupAcrossContexts(new AccountRoomsService(stored, quotas, roomMembership), noTodos -> { }, noGoals -> { })));
    private final UserId host = register("host");

    @Test
    void noRoomKeepsAnAccountDeletedWhileItCreatesAndJoins() {
        for (int round = 0; round < ROUNDS; round++) {
            UserId doomed = register("doomed" + round);
            List<RoomId> hosted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                hosted.add(create(host));
            }
            Set<RoomId> created = ConcurrentHashMap.newKeySet();
            RoomId early = create(doomed);
            roomMembership.join(doomed, hosted.getFirst(), Optional.empty());

            Parallel.run(8, i -> {
                if (i == 0) {
                    deletion.deleteAccount(doomed);
                } else if (i < 5) {
                    refusedOrDone(() -> created.add(create(doomed)));
                } else {
                    refusedOrDone(() -> roomMembership.join(doomed, hosted.get(i - 5), Optional.empty()));
                }
                return i;
            });

            String where = "round " + round;
            assertEquals(List.of(), stored.ofMember(doomed), where + ": rooms keep the deleted user");
            for (RoomId id : union(hosted, created, early)) {
                stored.byId(id).ifPresent(room -> {
                    assertFalse(room.isMember(doomed), where + ": a seat of the deleted user in " + id);
                    assertNotEquals(doomed, room.ownerId(), where + ": a room owned by the deleted user");
                });
            }
            assertEquals(List.of(), quotas.holds(doomed), where);
            assertEquals("UNAUTHENTICATED", code(() -> create(doomed)), where + ": a late creation is refused");
            assertEquals("UNAUTHENTICATED", code(() -> roomMembership.join(doomed, hosted.get(1), Optional.empty())));
            hosted.forEach(id -> roomLifecycle.delete(host, id));
        }
    }

    @Test
    void aDeletionGivesBackAPlaceLeakedByADeadProcessOnceItIsOld() {
        UserId doomed = register("leaky");
        RoomId joined = create(host);
        roomMembership.join(doomed, joined, Optional.empty());
        RoomHold leaked = quotas.hold(doomed, RoomId.newId(), clock.instant(), 5).orElseThrow();
        clock.advance(RoomHolds.REPAIR_GRACE.plusSeconds(1));

        deletion.deleteAccount(doomed);

        assertTrue(users.byId(doomed).isEmpty());
        assertFalse(quotas.holds(doomed).contains(leaked));
        assertFalse(stored.byId(joined).orElseThrow().isMember(doomed));
    }

    @Test
    void aJoinOnItsWayThatNeverEndsMakesTheDeletionAnswerBusyAndItCanBeAskedAgain() {
        UserId doomed = register("stuck");
        quotas.hold(doomed, RoomId.newId(), clock.instant(), 5).orElseThrow(); // a join that never finishes
        var impatient = new AccountDeletionService(users, new InMemoryImageStore(),
                List.of(new AccountCleanupAcrossContexts(new AccountRoomsService(stored, quotas, roomMembership, Duration.ofMillis(50)),
                        noTodos -> { }, noGoals -> { })));

        RetryLaterException busy = assertThrows(RetryLaterException.class, () -> impatient.deleteAccount(doomed));

        assertEquals("BUSY", busy.code());
        assertTrue(users.byId(doomed).isPresent(), "asked again, the deletion continues");
        assertEquals("UNAUTHENTICATED", code(() -> create(doomed)), "but no room can be taken meanwhile");
        clock.advance(RoomHolds.REPAIR_GRACE.plusSeconds(1));
        impatient.deleteAccount(doomed);
        assertTrue(users.byId(doomed).isEmpty());
    }

    private static void refusedOrDone(Runnable request) {
        try {
            request.run();
        } catch (DomainException refused) {
            // Lost to the deletion (the account is gone), or beyond the 5 rooms before it; nothing else.
            assertTrue(Set.of("UNAUTHENTICATED", "JOIN_LIMIT").contains(refused.code()), refused.code());
        }
    }

    private static List<RoomId> union(List<RoomId> hosted, Set<RoomId> created, RoomId early) {
        List<RoomId> all = new ArrayList<>(hosted);
        all.addAll(created);
        all.add(early);
        return all;
    }

    private RoomId create(UserId creator) {
        return roomLifecycle.create(new CreateRoomCommand(creator, new RoomTitle("room"), new RoomDescription("desc"),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty())).room().id();
    }

    private UserId register(String name) {
        return users.registerIfAbsent(User.register(new LinkedAccount(Provider.DEV, name), new Nickname(name),
                Optional.empty(), Optional.empty(), Clock.systemUTC().instant())).user().id();
    }

    private static String code(Runnable action) {
        return assertThrows(DomainException.class, action::run).code();
    }

    /** Rooms whose writes take a few milliseconds, as a database's do. */
    private static Rooms slowWrites(Rooms target) {
        return (Rooms) Proxy.newProxyInstance(Rooms.class.getClassLoader(), new Class<?>[] {Rooms.class},
                (proxy, method, args) -> {
                    if (Set.of("insert", "update", "delete").contains(method.getName())) {
                        Thread.sleep(2);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The rooms here have no password. */
    private static final class PlainHasher implements PasswordHasher {
        @Override
        public PasswordHash hash(RoomPassword password) {
            return new PasswordHash("plain:" + password.value());
        }

        @Override
        public boolean matches(RoomPassword password, PasswordHash hash) {
            return hash.encoded().equals("plain:" + password.value());
        }
    }
}
