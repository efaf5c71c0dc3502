package kr.co.stupy.application.rooms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.stupy.application.image.AbstractImageStoreContract;
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
import kr.co.stupy.rooms.Room;
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
import org.junit.jupiter.api.Test;

/** The room use cases on in-memory ports. */
class RoomServiceTest {

    private static final byte[] PNG = AbstractImageStoreContract.PNG;

    private final InMemoryRooms rooms = new InMemoryRooms();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    /** Run on every read of a room by the service: a way to let time pass in the middle of a request. */
    private volatile Runnable onRoomRead = () -> { };
    private final InMemoryRoomQuotas quotas = new InMemoryRoomQuotas();
    private final CountingHasher hasher = new CountingHasher();
    private final MemoryImages images = new MemoryImages();
    private final List<RoomId> removed = new ArrayList<>();
    private final List<UserId> kicked = new ArrayList<>();
    private final List<String> left = new ArrayList<>();
    private final RoomServices services = RoomServices.create(new RoomServices.Dependencies(watched(rooms), quotas, new InMemoryUsers(), hasher,
            new InProcessRateLimits(clock), Budgets.defaults(), images,
            roomIds -> kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery.RoomsNow.NOBODY, List.of(removed::add), new MemberRemovals() {
                @Override
                public void memberRemoved(RoomId roomId, UserId userId) {
                    kicked.add(userId);
                }

                @Override
                public void memberLeft(RoomId roomId, UserId userId) {
                    left.add(roomId.value() + "/" + userId.value());
                }
            },
            clock));
    private final RoomLifecycleService manage = services.manage();
    private final RoomMembershipService membership = services.membership();
    private final UserId owner = UserId.newId();
    private final UserId kim = UserId.newId();

    @Test
    void creatingTakesAPlaceAndTheSixthRoomIsRefusedWithoutATrace() {
        for (int i = 0; i < 5; i++) {
            create(owner, Optional.empty());
        }
        assertEquals("JOIN_LIMIT", code(() -> create(owner, Optional.empty())));
        assertEquals(5, quotas.held(owner).size());
        assertEquals(5, rooms.ofMember(owner).size());
    }

    @Test
    void roomCreationsAreBudgetedPerUserEvenWhenEachRoomIsDeletedAgain() {
        int budget = (int) Budgets.ROOM_CREATE_PER_USER.capacity();
        for (int i = 0; i < budget; i++) {
            manage.delete(owner, create(owner, Optional.empty()));
        }
        var refused = assertThrows(RetryLaterException.class, () -> create(owner, Optional.empty()));
        assertEquals("RATE_LIMITED", refused.code());
        assertEquals(0, quotas.held(owner).size(), "the refused creation took no place");
        create(kim, Optional.empty());
    }

    @Test
    void roomPicturesAreBudgetedPerUser() {
        RoomId id = create(owner, Optional.empty());
        for (int i = 0; i < Budgets.UPLOAD_PER_USER.capacity(); i++) {
            manage.changeImage(owner, id, ImageUpload.of(PNG));
        }
        assertEquals("RATE_LIMITED", code(() -> manage.changeImage(owner, id, ImageUpload.of(PNG))));
    }

    @Test
    void aRefusedJoinGivesItsPlaceBack() {
        RoomId id = create(owner, Optional.of(new RoomPassword("secret")));

        assertEquals("WRONG_PASSWORD", code(() -> membership.join(kim, id, Optional.of(new RoomPassword("guess")))));
        assertEquals(Set.of(), quotas.held(kim));
        membership.join(kim, id, Optional.of(new RoomPassword("secret")));
        assertEquals(Set.of(id), quotas.held(kim));
        membership.join(kim, id, Optional.empty());
        membership.leave(kim, id);
        assertEquals(Set.of(), quotas.held(kim), "joining again took no second place");
    }

    @Test
    void theTypedPasswordIsHashedOncePerJoin() {
        RoomId id = create(owner, Optional.of(new RoomPassword("secret")));
        hasher.matches.set(0);
        membership.join(kim, id, Optional.of(new RoomPassword("secret")));
        assertEquals(1, hasher.matches.get());
        membership.join(kim, id, Optional.of(new RoomPassword("wrong!")));
        assertEquals(1, hasher.matches.get(), "a member is not asked again");
    }

    @Test
    void deletingFreesEveryMemberAndCleansUp() {
        RoomId id = create(owner, Optional.empty());
        membership.join(kim, id, Optional.empty());
        manage.changeImage(owner, id, ImageUpload.of(PNG));
        String image = rooms.byId(id).orElseThrow().image().orElseThrow();

        manage.delete(owner, id);

        assertEquals(Set.of(), quotas.held(owner));
        assertEquals(Set.of(), quotas.held(kim));
        assertEquals(List.of(id), removed);
        assertFalse(images.keys.contains(image));
    }

    @Test
    void theLastMemberLeavingDeletesTheRoomAndCleansUp() {
        RoomId id = create(owner, Optional.empty());
        membership.leave(owner, id);
        assertTrue(rooms.byId(id).isEmpty());
        assertEquals(List.of(id), removed);
        assertEquals(List.of(), left, "the room's removal closes its live connections, not a farewell per member");
    }

    @Test
    void aMemberLeavingIsToldToLiveRoomsSoAConnectionElsewhereEnds() {
        RoomId id = create(owner, Optional.empty());
        membership.join(kim, id, Optional.empty());
        membership.leave(kim, id);
        assertEquals(List.of(id.value() + "/" + kim.value()), left);
        assertEquals(List.of(), kicked, "leaving is not being kicked");
    }

    @Test
    void aKickFreesThePlaceOfTheKickedUser() {
        RoomId id = create(owner, Optional.empty());
        membership.join(kim, id, Optional.empty());
        membership.kick(owner, id, kim);
        assertEquals(Set.of(), quotas.held(kim));
        assertEquals(List.of(kim), kicked, "live rooms hear of the removal");
        assertEquals("BANNED", code(() -> membership.join(kim, id, Optional.empty())));
        assertEquals(1, membership.bans(owner, id).size());
        assertEquals("(left user)", membership.bans(owner, id).getFirst().nickname());
    }

    @Test
    void aNewImageReplacesAndDeletesTheOldOne() {
        RoomId id = create(owner, Optional.empty());
        manage.changeImage(owner, id, ImageUpload.of(PNG));
        String first = rooms.byId(id).orElseThrow().image().orElseThrow();
        manage.changeImage(owner, id, ImageUpload.of(PNG));
        assertFalse(images.keys.contains(first));
        assertEquals(1, images.keys.size());
        assertEquals("NOT_OWNER", code(() -> manage.changeImage(kim, id, ImageUpload.of(PNG))));
        assertEquals(1, images.keys.size(), "a refused picture is not kept");
    }

    @Test
    void editingHashesANewPasswordAndCanRemoveIt() {
        RoomId id = create(owner, Optional.empty());
        manage.edit(new EditRoomCommand(owner, id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), Optional.of(new RoomPassword("newpw")), false));
        assertEquals(Optional.of(new PasswordHash("hash:newpw")), rooms.byId(id).orElseThrow().password());
        manage.edit(new EditRoomCommand(owner, id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), Optional.empty(), true));
        assertFalse(rooms.byId(id).orElseThrow().locked());
    }

    @Test
    void aDeletedAccountLeavesEveryRoom() {
        RoomId shared = create(owner, Optional.empty());
        RoomId alone = create(owner, Optional.empty());
        membership.join(kim, shared, Optional.empty());

        new AccountRoomsService(rooms, quotas, membership).leaveAllRoomsOf(owner);

        Room room = rooms.byId(shared).orElseThrow();
        assertEquals(kim, room.ownerId());
        assertEquals(List.of(shared.value() + "/" + owner.value()), left, "a live connection of the deleted account ends");
        assertTrue(rooms.byId(alone).isEmpty());
        assertEquals(Set.of(), quotas.held(owner));
    }

    @Test
    void aPlaceLeakedByADeadProcessIsRepairedOnceOldAndTheJoinGoesThrough() {
        List<RoomId> mine = fourRoomsOf(kim);
        RoomHold leaked = leakAHold(kim);
        RoomId wanted = create(owner, Optional.empty());

        clock.advance(RoomHolds.REPAIR_GRACE.plusSeconds(1));
        membership.join(kim, wanted, Optional.empty());

        assertTrue(rooms.byId(wanted).orElseThrow().isMember(kim));
        assertFalse(quotas.holds(kim).contains(leaked));
        Set<RoomId> expected = new HashSet<>(mine);
        expected.add(wanted);
        assertEquals(expected, quotas.held(kim), "one place per membership, nothing else");
        assertEquals("JOIN_LIMIT", code(() -> create(kim, Optional.empty())), "the limit still holds after the repair");
    }

    @Test
    void aCreationRepairsALeakedPlaceToo() {
        fourRoomsOf(kim);
        leakAHold(kim);
        clock.advance(Duration.ofDays(1));

        RoomId created = create(kim, Optional.empty());

        assertTrue(quotas.held(kim).contains(created));
        assertEquals(5, quotas.held(kim).size());
    }

    @Test
    void aFreshPlaceWithoutAMembershipIsTakenForAJoinInFlightAndKept() {
        fourRoomsOf(kim);
        RoomHold inFlight = leakAHold(kim);
        RoomId wanted = create(owner, Optional.empty());

        clock.advance(RoomHolds.REPAIR_GRACE.minusSeconds(1));

        assertEquals("JOIN_LIMIT", code(() -> membership.join(kim, wanted, Optional.empty())));
        assertTrue(quotas.holds(kim).contains(inFlight));
        assertFalse(rooms.byId(wanted).orElseThrow().isMember(kim));
    }

    @Test
    void aPlaceBackedByAMembershipIsNeverReleased() {
        fourRoomsOf(kim);
        create(kim, Optional.empty());
        List<RoomHold> before = quotas.holds(kim);
        RoomId wanted = create(owner, Optional.empty());

        clock.advance(Duration.ofDays(365));

        assertEquals("JOIN_LIMIT", code(() -> membership.join(kim, wanted, Optional.empty())));
        assertEquals(Set.copyOf(before), Set.copyOf(quotas.holds(kim)));
        assertEquals(5, rooms.ofMember(kim).size());
    }

    @Test
    void endingAMembershipGivesBackItsOwnHoldNotALaterOne() {
        RoomId id = create(owner, Optional.empty());
        membership.join(kim, id, Optional.empty());
        clock.advance(Duration.ofSeconds(5));
        RoomHold laterJoin = quotas.hold(kim, id, clock.instant(), Room.MAX_ROOMS_PER_USER).orElseThrow();

        membership.leave(kim, id);

        assertEquals(List.of(laterJoin), quotas.holds(kim), "the hold of a join still in flight stays");
    }

    @Test
    void aJoinTooSlowToSeatGivesUpAndItsPlaceBack() {
        RoomId id = create(owner, Optional.empty());
        onRoomRead = () -> clock.advance(RoomHolds.SEAT_DEADLINE.plusSeconds(1));

        assertEquals("ROOM_BUSY", code(() -> membership.join(kim, id, Optional.empty())));

        onRoomRead = () -> { };
        assertEquals(List.of(), quotas.holds(kim));
        assertFalse(rooms.byId(id).orElseThrow().isMember(kim));
    }

    /** Four rooms {@code user} created, each backed by its hold. */
    private List<RoomId> fourRoomsOf(UserId user) {
        List<RoomId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(create(user, Optional.empty()));
        }
        return ids;
    }

    /** What a process killed between taking a hold and writing the room leaves: a hold and no room. */
    private RoomHold leakAHold(UserId user) {
        return quotas.hold(user, RoomId.newId(), clock.instant(), Room.MAX_ROOMS_PER_USER).orElseThrow();
    }

    private Rooms watched(Rooms target) {
        return (Rooms) Proxy.newProxyInstance(Rooms.class.getClassLoader(), new Class<?>[] {Rooms.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("byId")) {
                        onRoomRead.run();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private RoomId create(UserId creator, Optional<RoomPassword> password) {
        return manage.create(new CreateRoomCommand(creator, new RoomTitle("room"), new RoomDescription("desc"), password,
                List.of(), Optional.empty(), Optional.empty())).room().id();
    }

    private static String code(Runnable action) {
        return assertThrows(DomainException.class, action::run).code();
    }

    /** Marks hashes visibly and counts comparisons; the real hasher is tested in bootstrap. */
    private static final class CountingHasher implements PasswordHasher {
        final AtomicInteger matches = new AtomicInteger();

        @Override
        public PasswordHash hash(RoomPassword password) {
            return new PasswordHash("hash:" + password.value());
        }

        @Override
        public boolean matches(RoomPassword password, PasswordHash hash) {
            matches.incrementAndGet();
            return hash.encoded().equals("hash:" + password.value());
        }
    }

    private static final class MemoryImages implements ImageStore {
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        private final Map<String, StoredImage> stored = new ConcurrentHashMap<>();

        @Override
        public String store(ImageUpload image) {
            String key = RoomId.newId().value() + "." + image.format().extension();
            keys.add(key);
            stored.put(key, new StoredImage(image.bytes(), image.format()));
            return key;
        }

        @Override
        public Optional<StoredImage> load(String key) {
            return Optional.ofNullable(stored.get(key));
        }

        @Override
        public void delete(String key) {
            keys.remove(key);
            stored.remove(key);
        }
    }
}
