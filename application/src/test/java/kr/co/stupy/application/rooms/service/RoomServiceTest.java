package kr.co.stupy.application.rooms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase.CreateRoomCommand;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase.EditRoomCommand;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.identity.testing.InMemoryUsers;
import kr.co.stupy.rooms.InMemoryRoomQuotas;
import kr.co.stupy.rooms.InMemoryRooms;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

/** The room use cases on in-memory ports. */
class RoomServiceTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1};

    private final InMemoryRooms rooms = new InMemoryRooms();
    private final InMemoryRoomQuotas quotas = new InMemoryRoomQuotas();
    private final CountingHasher hasher = new CountingHasher();
    private final MemoryImages images = new MemoryImages();
    private final List<RoomId> removed = new ArrayList<>();
    private final List<UserId> kicked = new ArrayList<>();
    private final RoomService service = new RoomService(rooms, quotas, new InMemoryUsers(), hasher, images,
            roomIds -> Map.of(), List.of(removed::add), (roomId, userId) -> kicked.add(userId),
            Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC));
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
    void aRefusedJoinGivesItsPlaceBack() {
        RoomId id = create(owner, Optional.of(new RoomPassword("secret")));

        assertEquals("WRONG_PASSWORD", code(() -> service.join(kim, id, Optional.of(new RoomPassword("guess")))));
        assertEquals(Set.of(), quotas.held(kim));
        service.join(kim, id, Optional.of(new RoomPassword("secret")));
        assertEquals(Set.of(id), quotas.held(kim));
        service.join(kim, id, Optional.empty());
        service.leave(kim, id);
        assertEquals(Set.of(), quotas.held(kim), "joining again took no second place");
    }

    @Test
    void theTypedPasswordIsHashedOncePerJoin() {
        RoomId id = create(owner, Optional.of(new RoomPassword("secret")));
        hasher.matches.set(0);
        service.join(kim, id, Optional.of(new RoomPassword("secret")));
        assertEquals(1, hasher.matches.get());
        service.join(kim, id, Optional.of(new RoomPassword("wrong!")));
        assertEquals(1, hasher.matches.get(), "a member is not asked again");
    }

    @Test
    void deletingFreesEveryMemberAndCleansUp() {
        RoomId id = create(owner, Optional.empty());
        service.join(kim, id, Optional.empty());
        service.changeImage(owner, id, ImageUpload.of(PNG));
        String image = rooms.byId(id).orElseThrow().image().orElseThrow();

        service.delete(owner, id);

        assertEquals(Set.of(), quotas.held(owner));
        assertEquals(Set.of(), quotas.held(kim));
        assertEquals(List.of(id), removed);
        assertFalse(images.keys.contains(image));
    }

    @Test
    void theLastMemberLeavingDeletesTheRoomAndCleansUp() {
        RoomId id = create(owner, Optional.empty());
        service.leave(owner, id);
        assertTrue(rooms.byId(id).isEmpty());
        assertEquals(List.of(id), removed);
    }

    @Test
    void aKickFreesThePlaceOfTheKickedUser() {
        RoomId id = create(owner, Optional.empty());
        service.join(kim, id, Optional.empty());
        service.kick(owner, id, kim);
        assertEquals(Set.of(), quotas.held(kim));
        assertEquals(List.of(kim), kicked, "live rooms hear of the removal");
        assertEquals("BANNED", code(() -> service.join(kim, id, Optional.empty())));
        assertEquals(1, service.bans(owner, id).size());
        assertEquals("(left user)", service.bans(owner, id).getFirst().nickname());
    }

    @Test
    void aNewImageReplacesAndDeletesTheOldOne() {
        RoomId id = create(owner, Optional.empty());
        service.changeImage(owner, id, ImageUpload.of(PNG));
        String first = rooms.byId(id).orElseThrow().image().orElseThrow();
        service.changeImage(owner, id, ImageUpload.of(PNG));
        assertFalse(images.keys.contains(first));
        assertEquals(1, images.keys.size());
        assertEquals("NOT_OWNER", code(() -> service.changeImage(kim, id, ImageUpload.of(PNG))));
        assertEquals(1, images.keys.size(), "a refused picture is not kept");
    }

    @Test
    void editingHashesANewPasswordAndCanRemoveIt() {
        RoomId id = create(owner, Optional.empty());
        service.edit(new EditRoomCommand(owner, id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), Optional.of(new RoomPassword("newpw")), false));
        assertEquals(Optional.of(new PasswordHash("hash:newpw")), rooms.byId(id).orElseThrow().password());
        service.edit(new EditRoomCommand(owner, id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), Optional.empty(), true));
        assertFalse(rooms.byId(id).orElseThrow().locked());
    }

    @Test
    void aDeletedAccountLeavesEveryRoom() {
        RoomId shared = create(owner, Optional.empty());
        RoomId alone = create(owner, Optional.empty());
        service.join(kim, shared, Optional.empty());

        new RoomAccountCleanup(rooms, quotas, service).accountDeleted(owner);

        Room room = rooms.byId(shared).orElseThrow();
        assertEquals(kim, room.ownerId());
        assertTrue(rooms.byId(alone).isEmpty());
        assertEquals(Set.of(), quotas.held(owner));
    }

    private RoomId create(UserId creator, Optional<RoomPassword> password) {
        return service.create(new CreateRoomCommand(creator, new RoomTitle("room"), new RoomDescription("desc"), password,
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
