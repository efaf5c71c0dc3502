package kr.co.stupy.rooms;

import java.util.Set;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * The places each user holds in rooms, which is how "a user belongs to at most 5 rooms" holds
 * across two documents without a transaction. Every join or creation first takes a hold on the
 * room here, then changes the room; a failed room change releases the hold again, and leaving,
 * being kicked or the room's deletion release it after the room changed. So every membership is
 * covered by a hold at every moment, and the number of distinct rooms held is what is limited.
 * Holds on one room are counted, because parallel requests of one user for the same room each
 * take and release their own.
 */
public interface RoomQuotas {

    /**
     * Takes a hold on {@code room} for {@code user}. A user who already holds {@code room} always
     * gets another; otherwise only while they hold fewer than {@code limit} distinct rooms.
     */
    boolean hold(UserId user, RoomId room, int limit);

    /** Gives back one hold on {@code room}; the room stops counting when its last hold goes. */
    void release(UserId user, RoomId room);

    /** The distinct rooms {@code user} holds. */
    Set<RoomId> held(UserId user);

    /** Drops every hold of a deleted account. */
    void forget(UserId user);
}
