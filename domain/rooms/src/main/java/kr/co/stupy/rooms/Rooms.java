package kr.co.stupy.rooms;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * Every study room. Changes are compare-and-set on {@link Room#version()}: a change is written only
 * if nobody wrote the room since it was read, so rules the room checked still hold when it lands,
 * without transactions. Study time is kept apart from that: it is only ever added to.
 */
public interface Rooms {

    Optional<Room> byId(RoomId id);

    /** Stores a new room (version 0). */
    void insert(Room room);

    /**
     * Writes {@code changed} if the stored room still has {@code expected}'s version, and moves the
     * version on; false when the room changed meanwhile or is gone. The study time is not written,
     * nor the count of refused passwords, except that a change of password starts that count again at 0.
     */
    boolean update(Room expected, Room changed);

    /** Deletes the room if it still has {@code expected}'s version; false when it changed meanwhile or is gone. */
    boolean delete(Room expected);

    /** The rooms {@code userId} is a member of, the one they joined first first. */
    List<Room> ofMember(UserId userId);

    /**
     * One page of the rooms that match, in the search's order. The cursor (see {@link SearchCursor})
     * continues after the last room of the previous page, so rooms created meanwhile are neither
     * repeated nor make others be skipped.
     */
    Page<Room> search(RoomSearch search, PageRequest page);

    /**
     * The rank of each given study time: 1 + the number of rooms with more study time, so rooms with
     * equal time share a rank. Counted by the store in one pass; rooms are never loaded for it.
     */
    Map<Long, Long> ranksOf(Set<Long> totalStudySeconds);

    /** The stored study time of each of the rooms that exists (the rooms someone studies in now, for their live ranks). */
    Map<RoomId, Long> studySecondsOf(Collection<RoomId> ids);

    /**
     * The tags on rooms that start with {@code prefix} (every tag when it is empty), with how many
     * rooms carry each: the most used first, then by tag; at most {@code limit}.
     */
    List<HashtagUse> hashtagsStartingWith(HashtagPrefix prefix, int limit);

    /** Adds finished study time to a room; false when the room is gone. */
    boolean addStudySeconds(RoomId id, long seconds);

    /**
     * Counts one wrong password typed into the room, if {@code guessedAgainst} is still its password
     * (a count belongs to the password it was guessed against). One atomic increment on the stored
     * room, never a read and a write back, so parallel refusals are all counted; the version does not
     * move. False when the room is gone or its password changed meanwhile.
     */
    boolean countRefusedPassword(RoomId id, PasswordHash guessedAgainst);

    /** Wrong passwords refused since the room's password was last set; 0 for an open room or one that is gone. */
    long refusedPasswordAttempts(RoomId id);
}
