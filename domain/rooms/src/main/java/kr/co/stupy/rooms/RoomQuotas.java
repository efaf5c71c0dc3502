package kr.co.stupy.rooms;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * The places each user holds in rooms, which is how "a user belongs to at most 5 rooms" holds
 * across two documents without a transaction. Every join or creation first takes a hold on the
 * room here, then changes the room; a failed room change releases that hold again, and leaving,
 * being kicked or the room's deletion release the membership's hold after the room changed. So
 * every membership is covered by a hold at every moment, and the number of distinct rooms held is
 * what is limited. Parallel requests of one user for the same room each take and release their own
 * hold, so a room counts while any hold on it is left.
 *
 * <p>A process that dies between taking a hold and changing the room, or between changing the room
 * and releasing, leaves a hold that no membership backs. Each hold therefore has an id and the time
 * it was taken: whoever finds such a hold old enough that no request can still be using it may
 * release exactly that hold, and a release of a hold that is already gone does nothing, so no other
 * hold is ever given back in its place.
 *
 * <p>An account being deleted is <em>closed</em> here first: from then on every hold is refused, so
 * no request still on its way can seat the user, and the holds left belong to memberships to end
 * or to requests about to give them back. The mark outlives the account (user ids are never
 * reused), so a request that was authenticated before the deletion is refused after it too.
 */
public interface RoomQuotas {

    /**
     * Takes a hold on {@code room} for {@code user}, taken at {@code at} (whole milliseconds: what
     * stores keep, so the hold reads back equal). A user who already holds
     * {@code room} always gets another; otherwise only while they hold fewer than {@code limit}
     * distinct rooms. Empty when refused, and always once the user is {@linkplain #close closed}.
     */
    Optional<RoomHold> hold(UserId user, RoomId room, Instant at, int limit);

    /**
     * Gives back exactly {@code hold}, if the user still has it; the room stops counting when its
     * last hold goes. Releasing a hold that is already gone changes nothing.
     */
    void release(UserId user, RoomHold hold);

    /**
     * Gives back the hold of a membership that just ended: of the user's holds on {@code room}
     * taken no later than {@code joinedAt} (when the membership began; its join took its hold at
     * that same instant), the latest. A hold taken after {@code joinedAt} belongs to a later join
     * and is never given back here; with no such hold, nothing changes.
     */
    default void releaseMembership(UserId user, RoomId room, Instant joinedAt) {
        holds(user).stream()
                .filter(hold -> hold.room().equals(room) && !hold.takenAt().isAfter(joinedAt))
                .max(Comparator.comparing(RoomHold::takenAt))
                .ifPresent(hold -> release(user, hold));
    }

    /** Every hold of {@code user}, several per room when parallel requests hold it. */
    List<RoomHold> holds(UserId user);

    /** The distinct rooms {@code user} holds. */
    default Set<RoomId> held(UserId user) {
        return holds(user).stream().map(RoomHold::room).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Refuses every later hold of {@code user}, for good, in one step that orders it with every
     * hold: a hold either was taken before it (and is still listed by {@link #holds}) or is refused.
     * Holds already taken stay until released. Closing again changes nothing.
     */
    void close(UserId user);

    /** True once {@code user} is {@linkplain #close closed}. */
    boolean isClosed(UserId user);
}
