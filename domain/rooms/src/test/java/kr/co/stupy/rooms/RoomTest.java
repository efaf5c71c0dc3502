package kr.co.stupy.rooms;

import static kr.co.stupy.rooms.RoomFixtures.room;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

class RoomTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final PasswordCheck ANY = hash -> true;
    private static final PasswordCheck NONE = hash -> false;

    private final UserId owner = UserId.newId();
    private final UserId kim = UserId.newId();
    private final UserId lee = UserId.newId();

    @Test
    void valuesFollowTheRulesOfTheOriginalService() {
        assertThrows(InvalidInputException.class, () -> new RoomTitle(" "));
        assertThrows(InvalidInputException.class, () -> new RoomTitle("가".repeat(31)));
        assertEquals("가".repeat(30), new RoomTitle("가".repeat(30)).value());
        assertThrows(InvalidInputException.class, () -> new RoomDescription("a".repeat(301)));
        assertThrows(InvalidInputException.class, () -> new RoomPassword("abc"));
        assertThrows(InvalidInputException.class, () -> new RoomPassword("a".repeat(11)));
        assertFalse(new RoomPassword("secret").toString().contains("secret"));
        assertEquals("https://open.kakao.com/o/gAbc", new OpenChatUrl("https://open.kakao.com/o/gAbc").value());
        for (String bad : List.of("http://open.kakao.com/o/x", "https://open.kakao.com.evil.com/o/x",
                "https://evil.com@open.kakao.com/o/x", "https://open.kakao.com/", "javascript:alert(1)")) {
            assertThrows(InvalidInputException.class, () -> new OpenChatUrl(bad), bad);
        }
        assertEquals(List.of(new Hashtag("java"), new Hashtag("spring")), Hashtags.of(List.of("#Java", "java", "SPRING")));
        assertThrows(InvalidInputException.class, () -> Hashtags.of(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")));
        assertThrows(InvalidInputException.class, () -> Hashtags.of(List.of("two words")));
    }

    @Test
    void theCreatorOwnsANewRoomAndCapacityIsTwoToTen() {
        Room room = room(owner, T0);
        assertEquals(owner, room.ownerId());
        assertEquals(5, room.maxMembers());
        assertEquals(1, room.memberCount());
        assertThrows(InvalidInputException.class, () -> Room.open(room.id(), owner, room.title(), room.description(),
                Optional.empty(), List.of(), Optional.empty(), Optional.of(11), T0));
        assertThrows(InvalidInputException.class, () -> Room.open(room.id(), owner, room.title(), room.description(),
                Optional.empty(), List.of(), Optional.empty(), Optional.of(1), T0));
    }

    @Test
    void joiningChecksBanPasswordAndSeatsAndTwiceChangesNothing() {
        Room room = room(owner, T0).edit(owner, changes(Optional.of(2), new RoomChanges.PasswordChange.Set(new PasswordHash("h"))));

        assertEquals("WRONG_PASSWORD", code(() -> room.join(kim, NONE, T0)));
        Room joined = room.join(kim, ANY, T0);
        assertSame(joined, joined.join(kim, NONE, T0), "a member joining again changes nothing, password or not");
        assertEquals("ROOM_FULL", code(() -> joined.join(lee, ANY, T0)));

        Room kicked = joined.kick(owner, kim, T0);
        assertEquals("BANNED", code(() -> kicked.join(kim, ANY, T0)));
        assertTrue(kicked.liftBan(owner, kim).join(kim, ANY, T0).isMember(kim));
    }

    @Test
    void aBannedUserAndAFullRoomAreRefusedWithoutAskingThePassword() {
        PasswordCheck mustNotBeAsked = hash -> {
            throw new AssertionError("the password was checked before a cheap refusal");
        };
        Room full = room(owner, T0).edit(owner, changes(Optional.of(2), new RoomChanges.PasswordChange.Set(new PasswordHash("h"))))
                .join(kim, ANY, T0);
        assertEquals("ROOM_FULL", code(() -> full.join(lee, mustNotBeAsked, T0)));
        assertEquals("ROOM_FULL", code(() -> full.requireJoinable(lee)));

        Room banned = full.kick(owner, kim, T0);
        assertEquals("BANNED", code(() -> banned.join(kim, mustNotBeAsked, T0)));
        assertEquals("BANNED", code(() -> banned.requireJoinable(kim)));
        banned.requireJoinable(owner);
        banned.requireJoinable(lee);
    }

    @Test
    void theOwnerLeavingHandsTheRoomToTheLongestStandingMember() {
        Room room = room(owner, T0).join(kim, ANY, T0.plusSeconds(1)).join(lee, ANY, T0.plusSeconds(2));

        Room handed = room.handOver(owner, lee);
        assertEquals(List.of(lee, owner, kim), handed.membersOwnerFirst().stream().map(Member::userId).toList());
        Room afterLeave = handed.leave(lee).orElseThrow();
        assertEquals(owner, afterLeave.ownerId(), "the longest-standing member takes over");
        assertEquals(Optional.empty(), room(owner, T0).leave(owner), "the last member leaving leaves no room");
        assertEquals("NOT_MEMBER", code(() -> room.leave(UserId.newId())));
    }

    @Test
    void onlyTheOwnerManagesTheRoom() {
        Room room = room(owner, T0).join(kim, ANY, T0);

        assertEquals("NOT_OWNER", code(() -> room.handOver(kim, kim)));
        assertEquals("NOT_OWNER", code(() -> room.kick(kim, owner, T0)));
        assertEquals("NOT_OWNER", code(() -> room.edit(kim, changes(Optional.empty(), null))));
        assertEquals("NOT_OWNER", code(() -> room.liftBan(kim, lee)));
        assertEquals("NOT_OWNER", code(() -> room.changeImage(kim, "x.png")));
        assertEquals("NOT_MEMBER", code(() -> room.handOver(owner, lee)));
        assertEquals("NOT_MEMBER", code(() -> room.kick(owner, lee, T0)));
        assertEquals("CANNOT_KICK_OWNER", code(() -> room.kick(owner, owner, T0)));
        assertEquals("CAPACITY_BELOW_MEMBERS", code(() -> room.join(lee, ANY, T0).edit(owner, changes(Optional.of(2), null))));
    }

    @Test
    void thePasswordCanBeSetChangedAndRemoved() {
        Room open = room(owner, T0);
        Room locked = open.edit(owner, changes(Optional.empty(), new RoomChanges.PasswordChange.Set(new PasswordHash("h1"))));
        assertTrue(locked.locked());
        Room changed = locked.edit(owner, changes(Optional.empty(), new RoomChanges.PasswordChange.Set(new PasswordHash("h2"))));
        assertEquals(Optional.of(new PasswordHash("h2")), changed.password());
        assertEquals(changed.password(), changed.edit(owner, changes(Optional.of(6), null)).password(), "kept unless asked");
        assertFalse(changed.edit(owner, changes(Optional.empty(), new RoomChanges.PasswordChange.Remove())).locked());
    }

    private static RoomChanges changes(Optional<Integer> maxMembers, RoomChanges.PasswordChange password) {
        return new RoomChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, maxMembers, password);
    }

    private static String code(Runnable action) {
        return assertThrows(DomainException.class, action::run).code();
    }
}
