package kr.co.stupy.rooms;

import kr.co.stupy.shared.testing.Parallel;
import static kr.co.stupy.rooms.RoomFixtures.room;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Rooms} implementation promises. Extend it once per implementation. */
public abstract class AbstractRoomsContract {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    protected Rooms rooms;

    protected abstract Rooms createRooms();

    @BeforeEach
    void setUpRooms() {
        rooms = createRooms();
    }

    private static PasswordCheck noPassword() {
        return hash -> false;
    }

    @Test
    void storesAndReloadsARoomExactly() {
        UserId owner = UserId.newId();
        Room room = Room.open(RoomId.newId(), owner, new RoomTitle("자바 스터디"), new RoomDescription("매일\n공부"),
                Optional.of(new PasswordHash("pbkdf2$1$abc$def")), Hashtags.of(List.of("#Java", "spring")),
                Optional.of(new OpenChatUrl("https://open.kakao.com/o/abc")), Optional.of(7), T0);
        rooms.insert(room);

        assertEquals(Optional.of(room), rooms.byId(room.id()));
        assertEquals(Optional.empty(), rooms.byId(RoomId.newId()));
    }

    @Test
    void anUpdateLandsOnlyOnTheVersionItWasMadeFrom() {
        UserId owner = UserId.newId();
        UserId guest = UserId.newId();
        Room room = room(owner, T0);
        rooms.insert(room);

        Room joined = room.join(guest, noPassword(), T0.plusSeconds(1));
        assertTrue(rooms.update(room, joined));
        Room stored = rooms.byId(room.id()).orElseThrow();
        assertEquals(1, stored.version());
        assertEquals(List.of(owner, guest), stored.members().stream().map(Member::userId).toList());

        // A second writer that read the old version loses.
        Room stale = room.join(UserId.newId(), noPassword(), T0.plusSeconds(2));
        assertFalse(rooms.update(room, stale));
        assertEquals(2, rooms.byId(room.id()).orElseThrow().memberCount());
    }

    @Test
    void parallelWritersFromOneVersionProduceExactlyOneWinner() throws Exception {
        Room room = room(UserId.newId(), T0);
        rooms.insert(room);
        long winners = Parallel.run(16, i -> rooms.update(room, room.join(UserId.newId(), noPassword(), T0)))
                .stream().filter(won -> won).count();
        assertEquals(1, winners);
        assertEquals(2, rooms.byId(room.id()).orElseThrow().memberCount());
    }

    @Test
    void updatesNeverOverwriteStudyTime() {
        Room room = room(UserId.newId(), T0);
        rooms.insert(room);
        assertTrue(rooms.addStudySeconds(room.id(), 90));

        Room reread = rooms.byId(room.id()).orElseThrow();
        assertEquals(90, reread.totalStudySeconds());
        assertEquals(0, reread.version(), "study time does not move the version");
        assertTrue(rooms.update(reread, reread.edit(reread.ownerId(), new RoomChanges(
                Optional.of(new RoomTitle("renamed")), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), null))));
        assertEquals(90, rooms.byId(room.id()).orElseThrow().totalStudySeconds());
        assertFalse(rooms.addStudySeconds(RoomId.newId(), 5));
    }

    @Test
    void refusedPasswordsAreCountedPerPasswordAndOtherChangesKeepTheCount() {
        PasswordHash first = new PasswordHash("pbkdf2$1$first$x");
        Room open = room(UserId.newId(), T0);
        rooms.insert(open);
        assertEquals(0, rooms.refusedPasswordAttempts(open.id()));
        assertFalse(rooms.countRefusedPassword(open.id(), first), "an open room has no password to guess");

        Room locked = setPassword(open, new RoomChanges.PasswordChange.Set(first));
        assertTrue(rooms.countRefusedPassword(locked.id(), first));
        assertTrue(rooms.countRefusedPassword(locked.id(), first));
        Room reread = rooms.byId(locked.id()).orElseThrow();
        assertEquals(2, rooms.refusedPasswordAttempts(locked.id()));
        assertEquals(locked.version(), reread.version(), "counting does not move the version");

        // Any other change keeps the count; a guess at a password the room no longer has is not counted.
        Room joined = reread.join(UserId.newId(), hash -> true, T0);
        assertTrue(rooms.update(reread, joined));
        assertEquals(2, rooms.refusedPasswordAttempts(locked.id()));
        assertFalse(rooms.countRefusedPassword(locked.id(), new PasswordHash("pbkdf2$1$other$y")));
        assertEquals(2, rooms.refusedPasswordAttempts(locked.id()));

        // A new password starts the count again, and so does removing it.
        Room changed = setPassword(rooms.byId(locked.id()).orElseThrow(),
                new RoomChanges.PasswordChange.Set(new PasswordHash("pbkdf2$1$second$z")));
        assertEquals(0, rooms.refusedPasswordAttempts(changed.id()));
        assertFalse(rooms.countRefusedPassword(changed.id(), first), "a guess against the old password is not counted");
        assertTrue(rooms.countRefusedPassword(changed.id(), changed.password().orElseThrow()));
        setPassword(rooms.byId(changed.id()).orElseThrow(), new RoomChanges.PasswordChange.Remove());
        assertEquals(0, rooms.refusedPasswordAttempts(changed.id()));

        assertFalse(rooms.countRefusedPassword(RoomId.newId(), first));
        assertEquals(0, rooms.refusedPasswordAttempts(RoomId.newId()));
    }

    @Test
    void parallelRefusedPasswordsAreAllCounted() {
        PasswordHash hash = new PasswordHash("pbkdf2$1$salt$digest");
        Room room = room(UserId.newId(), T0);
        rooms.insert(room);
        Room locked = setPassword(room, new RoomChanges.PasswordChange.Set(hash));
        long counted = Parallel.run(24, i -> rooms.countRefusedPassword(locked.id(), hash)).stream().filter(c -> c).count();
        assertEquals(24, counted);
        assertEquals(24, rooms.refusedPasswordAttempts(locked.id()));
    }

    private Room setPassword(Room room, RoomChanges.PasswordChange password) {
        Room changed = room.edit(room.ownerId(), new RoomChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), password));
        assertTrue(rooms.update(room, changed));
        return rooms.byId(room.id()).orElseThrow();
    }

    @Test
    void deletesOnlyTheVersionItWasMadeFrom() {
        Room room = room(UserId.newId(), T0);
        rooms.insert(room);
        Room changed = room.join(UserId.newId(), noPassword(), T0);
        rooms.update(room, changed);

        assertFalse(rooms.delete(room));
        assertTrue(rooms.delete(rooms.byId(room.id()).orElseThrow()));
        assertEquals(Optional.empty(), rooms.byId(room.id()));
        assertFalse(rooms.delete(room));
    }

    @Test
    void findsTheRoomsOfAMemberInJoinOrder() {
        UserId kim = UserId.newId();
        Room first = room(UserId.newId(), T0);
        Room second = room(kim, T0.plusSeconds(5));
        Room other = room(UserId.newId(), T0);
        rooms.insert(first);
        rooms.insert(second);
        rooms.insert(other);
        rooms.update(first, first.join(kim, noPassword(), T0.plusSeconds(1)));

        assertEquals(List.of(first.id(), second.id()), rooms.ofMember(kim).stream().map(Room::id).toList());
        assertEquals(List.of(), rooms.ofMember(UserId.newId()));
    }

    @Test
    void searchesTextLiterallyAndCaseInsensitivelyInTitleAndDescription() {
        UserId owner = UserId.newId();
        Room java = room(owner, "Java 스터디", "매일 (.*) 정규식 공부", T0);
        Room korean = room(owner, "토익 900", "아침마다 JAVA 단어", T0.plusSeconds(1));
        Room plain = room(owner, "math", "calculus", T0.plusSeconds(2));
        List.of(java, korean, plain).forEach(rooms::insert);

        assertEquals(List.of(korean.id(), java.id()), ids(search("java", RoomSort.LATEST)));
        assertEquals(List.of(java.id()), ids(search("(.*)", RoomSort.LATEST)));
        assertEquals(List.of(), ids(search("매일.*공부", RoomSort.LATEST)), "regex characters are plain text");
        assertEquals(List.of(korean.id()), ids(search("아침마다", RoomSort.LATEST)));
        assertEquals(List.of(), ids(search("{\"$gt\":\"\"}", RoomSort.LATEST)));
        assertEquals(List.of(), ids(search("x\\E.*\\Q", RoomSort.LATEST)));
    }

    @Test
    void searchesByExactHashtag() {
        UserId owner = UserId.newId();
        Room a = room(owner, "a", "a", T0, "java", "spring");
        Room b = room(owner, "b", "b", T0.plusSeconds(1), "javascript");
        rooms.insert(a);
        rooms.insert(b);

        Page<Room> page = rooms.search(new RoomSearch(Optional.empty(), Optional.of(new Hashtag("#JAVA")), RoomSort.LATEST),
                PageRequest.first(20));
        assertEquals(List.of(a.id()), ids(page));
    }

    @Test
    void searchTextFindsTagsWrittenWithOrWithoutTheHash() {
        UserId owner = UserId.newId();
        Room cert = room(owner, "아침 공부", "같이 해요", T0, "자격증", "토익");
        Room other = room(owner, "저녁 공부", "증명사진", T0.plusSeconds(1), "수능");
        List.of(cert, other).forEach(rooms::insert);

        assertEquals(List.of(cert.id()), ids(search("자격", RoomSort.LATEST)), "a part of a tag");
        assertEquals(List.of(cert.id()), ids(search("#자격", RoomSort.LATEST)), "a tag's start, written as a tag");
        assertEquals(List.of(), ids(search("#증", RoomSort.LATEST)), "a written tag matches from its start");
        assertEquals(List.of(other.id(), cert.id()), ids(search("증", RoomSort.LATEST)));

        Room retagged = cert.edit(owner, new RoomChanges(Optional.empty(), Optional.empty(), Optional.of(List.of(new Hashtag("공무원"))),
                Optional.empty(), false, Optional.empty(), new RoomChanges.PasswordChange.Keep()));
        assertTrue(rooms.update(cert, retagged));
        assertEquals(List.of(), ids(search("#자격", RoomSort.LATEST)), "the old tags are not searched once changed");
        assertEquals(List.of(cert.id()), ids(search("#공무", RoomSort.LATEST)));
    }

    @Test
    void joinableOnlyLeavesOutLockedAndFullRoomsInEveryOrder() {
        UserId owner = UserId.newId();
        Room open = room(owner, "open", "open", T0, "java");
        Room locked = room(owner, "locked", "locked", T0.plusSeconds(1), "java");
        Room full = room(owner, "full", "full", T0.plusSeconds(2), "java");
        List.of(open, locked, full).forEach(rooms::insert);
        setPassword(locked, new RoomChanges.PasswordChange.Set(new PasswordHash("pbkdf2$1$salt$x")));
        assertTrue(rooms.update(full, full.edit(owner, capacity(2)).join(UserId.newId(), noPassword(), T0)));

        for (RoomSort sort : RoomSort.values()) {
            assertEquals(List.of(open.id()), ids(rooms.search(new RoomSearch(Optional.empty(), Optional.empty(), sort, true),
                    PageRequest.first(20))), sort.key());
            assertEquals(List.of(open.id()), ids(rooms.search(new RoomSearch(Optional.of(new SearchText("o")), Optional.of(new Hashtag("java")),
                    sort, true), PageRequest.first(20))), sort.key() + " with text and tag");
        }
        assertEquals(3, ids(rooms.search(RoomSearch.all(RoomSort.LATEST), PageRequest.first(20))).size(), "without it all are found");
    }

    @Test
    void suggestsTagsByTheirStartMostUsedFirst() {
        UserId owner = UserId.newId();
        Room a = room(owner, "a", "a", T0, "자격증", "자바", "토익");
        Room b = room(owner, "b", "b", T0.plusSeconds(1), "자격증", "자바");
        Room c = room(owner, "c", "c", T0.plusSeconds(2), "자격증", "자소서");
        List.of(a, b, c).forEach(rooms::insert);

        assertEquals(List.of(use("자격증", 3), use("자바", 2), use("자소서", 1)), rooms.hashtagsStartingWith(new HashtagPrefix("#자"), 10));
        assertEquals(List.of(use("자격증", 3), use("자바", 2)), rooms.hashtagsStartingWith(new HashtagPrefix("자"), 2));
        assertEquals(List.of(use("자격증", 3), use("자바", 2), use("자소서", 1), use("토익", 1)),
                rooms.hashtagsStartingWith(HashtagPrefix.ANY, 10), "everything when nothing is typed; ties by tag");
        assertEquals(List.of(), rooms.hashtagsStartingWith(new HashtagPrefix("격"), 10), "a tag matches from its start only");
        assertEquals(List.of(), rooms.hashtagsStartingWith(new HashtagPrefix(".*"), 10), "the prefix is plain text");

        assertTrue(rooms.delete(rooms.byId(a.id()).orElseThrow()));
        assertEquals(List.of(use("자격증", 2), use("자바", 1), use("자소서", 1)), rooms.hashtagsStartingWith(new HashtagPrefix("자"), 10));
    }

    private static HashtagUse use(String tag, long rooms) {
        return new HashtagUse(new Hashtag(tag), rooms);
    }

    @Test
    void sortsByEachOrder() {
        UserId owner = UserId.newId();
        Room old = room(owner, T0);
        Room busy = room(owner, T0.plusSeconds(1));
        Room fresh = room(owner, T0.plusSeconds(2));
        List.of(old, busy, fresh).forEach(rooms::insert);
        Room busyJoined = busy.join(UserId.newId(), noPassword(), T0).join(UserId.newId(), noPassword(), T0);
        rooms.update(busy, busyJoined);
        Room fullOld = old.edit(owner, capacity(2)).join(UserId.newId(), noPassword(), T0);
        rooms.update(old, fullOld);
        rooms.addStudySeconds(old.id(), 500);
        rooms.addStudySeconds(fresh.id(), 100);

        assertEquals(List.of(fresh.id(), busy.id(), old.id()), ids(rooms.search(RoomSearch.all(RoomSort.LATEST), PageRequest.first(20))));
        assertEquals(List.of(busy.id(), old.id(), fresh.id()), ids(rooms.search(RoomSearch.all(RoomSort.POPULAR), PageRequest.first(20))));
        assertEquals(List.of(fresh.id(), busy.id()), ids(rooms.search(RoomSearch.all(RoomSort.OPEN), PageRequest.first(20))));
        assertEquals(List.of(old.id(), fresh.id(), busy.id()), ids(rooms.search(RoomSearch.all(RoomSort.STUDIED), PageRequest.first(20))));
    }

    @Test
    void ranksByStudyTimeWithTiesSharingARank() {
        UserId owner = UserId.newId();
        Room a = room(owner, T0);
        Room b = room(owner, T0);
        Room c = room(owner, T0);
        Room d = room(owner, T0);
        List.of(a, b, c, d).forEach(rooms::insert);
        rooms.addStudySeconds(a.id(), 300);
        rooms.addStudySeconds(b.id(), 100);
        rooms.addStudySeconds(c.id(), 100);

        assertEquals(Map.of(300L, 1L, 100L, 2L, 0L, 4L, 1000L, 1L), rooms.ranksOf(Set.of(300L, 100L, 0L, 1000L)));
        assertEquals(Map.of(), rooms.ranksOf(Set.of()));
    }

    @Test
    void theStoredStudyTimeOfSomeRoomsIsReadForThoseThatExist() {
        UserId owner = UserId.newId();
        Room a = room(owner, T0);
        Room b = room(owner, T0.plusSeconds(1));
        List.of(a, b).forEach(rooms::insert);
        rooms.addStudySeconds(a.id(), 300);

        assertEquals(Map.of(a.id(), 300L, b.id(), 0L), rooms.studySecondsOf(List.of(a.id(), b.id(), RoomId.newId())));
        assertEquals(Map.of(), rooms.studySecondsOf(List.of()));
    }

    @Test
    void pagesNeitherSkipNorRepeatWhileRoomsAreCreated() {
        UserId owner = UserId.newId();
        Set<RoomId> before = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            Room room = room(owner, T0.plusSeconds(i / 3)); // several rooms share a creation time
            rooms.insert(room);
            before.add(room.id());
        }
        List<RoomId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int created = 0;
        do {
            Page<Room> page = rooms.search(RoomSearch.all(RoomSort.LATEST), new PageRequest(4, cursor));
            seen.addAll(ids(page));
            rooms.insert(room(owner, T0.plusSeconds(100 + created++)));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertEquals(before.size(), seen.size(), "no room twice");
        assertEquals(before, new HashSet<>(seen), "every room that existed at the start once");
    }

    @Test
    void refusesCursorsOfAnotherOrderOrMadeUp() {
        UserId owner = UserId.newId();
        for (int i = 0; i < 3; i++) {
            rooms.insert(room(owner, T0.plusSeconds(i)));
        }
        String cursor = rooms.search(RoomSearch.all(RoomSort.LATEST), PageRequest.first(1)).nextCursor().orElseThrow();

        assertThrows(InvalidInputException.class,
                () -> rooms.search(RoomSearch.all(RoomSort.POPULAR), new PageRequest(1, Optional.of(cursor))));
        assertThrows(InvalidInputException.class,
                () -> rooms.search(RoomSearch.all(RoomSort.LATEST), new PageRequest(1, Optional.of("not-a-cursor"))));
    }

    private Page<Room> search(String text, RoomSort sort) {
        return rooms.search(new RoomSearch(Optional.of(new SearchText(text)), Optional.empty(), sort), PageRequest.first(20));
    }

    private static RoomChanges capacity(int maxMembers) {
        return new RoomChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.of(maxMembers), null);
    }

    private static List<RoomId> ids(Page<Room> page) {
        return page.items().stream().map(Room::id).toList();
    }
}
