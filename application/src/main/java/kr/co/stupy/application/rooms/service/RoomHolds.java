package kr.co.stupy.application.rooms.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * The user's places in rooms, kept in {@link RoomQuotas}: a hold is taken before a seat and given
 * back after the seat is gone or if taking it failed, so no user is ever in more than
 * {@link Room#MAX_ROOMS_PER_USER} rooms, however many requests race.
 *
 * <p>A process that dies between those two writes leaves a hold that no membership backs, which
 * would refuse the user a room they are entitled to. So a refused hold repairs the user's holds
 * before it answers {@code JOIN_LIMIT}: every hold on a room the user is not a member of that was
 * taken more than {@link #REPAIR_GRACE} ago is released (exactly that hold, so nothing taken since
 * is lost), and the hold is tried once more. A join or creation never seats on a hold older than
 * {@link #SEAT_DEADLINE}, well inside the grace, so a hold the repair takes for a leak is never one
 * a request still in flight is about to use.
 *
 * <p>An account being deleted is closed in its quota first ({@link AccountRoomsService}); a hold it
 * is refused then answers {@code 401}, so no creation or join seats it once the deletion began.
 */
record RoomHolds(RoomQuotas quotas, Rooms rooms, Clock clock) {

    /** How old a hold no membership backs must be before a refused hold gives it back as leaked. */
    static final Duration REPAIR_GRACE = Duration.ofMinutes(2);

    /** A request that took its hold longer ago than this gives up instead of seating (409 ROOM_BUSY). */
    static final Duration SEAT_DEADLINE = Duration.ofMinutes(1);

    /**
     * A hold on {@code room}; when the user's places are all held, first gives back the ones no
     * membership backs that are older than {@link #REPAIR_GRACE} (left by a process that died), then
     * tries once more. A closed account (being deleted) is refused as unauthenticated.
     */
    Optional<RoomHold> take(UserId user, RoomId room, Instant now) {
        Optional<RoomHold> hold = quotas.hold(user, room, now, Room.MAX_ROOMS_PER_USER);
        if (hold.isPresent()) {
            return hold;
        }
        requireOpen(user);
        if (!releaseLeakedHolds(user)) {
            return hold;
        }
        hold = quotas.hold(user, room, now, Room.MAX_ROOMS_PER_USER);
        if (hold.isEmpty()) {
            requireOpen(user);
        }
        return hold;
    }

    /** Gives back a hold whose seat was never taken. */
    void release(UserId user, RoomHold hold) {
        quotas.release(user, hold);
    }

    /** Gives back the hold of a membership that ended; {@code joinedAt} tells it from later holds on the same room. */
    void releaseMembership(UserId user, RoomId room, Instant joinedAt) {
        quotas.releaseMembership(user, room, joinedAt);
    }

    /** An account being deleted takes no seat: its token may still be valid for the moment, its rooms are not. */
    private void requireOpen(UserId user) {
        if (quotas.isClosed(user)) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED",
                    "this account is deleted");
        }
    }

    /**
     * Releases the user's holds that no membership backs and that are older than {@link #REPAIR_GRACE}
     * (left by a process that died); true if there were any.
     */
    boolean releaseLeakedHolds(UserId user) {
        // Holds first, memberships second: a seat taken in between is then seen as a membership.
        List<RoomHold> holds = quotas.holds(user);
        Instant leakedBefore = clock.instant().minus(REPAIR_GRACE);
        Set<RoomId> memberOf = rooms.ofMember(user).stream().map(Room::id).collect(Collectors.toSet());
        List<RoomHold> leaked = holds.stream()
                .filter(hold -> !memberOf.contains(hold.room()) && hold.takenAt().isBefore(leakedBefore))
                .toList();
        leaked.forEach(hold -> quotas.release(user, hold));
        return !leaked.isEmpty();
    }

    /** Refuses to seat on a hold so old that a repair could soon take it for a leak. */
    void requireFresh(RoomHold hold) {
        if (clock.instant().isAfter(hold.takenAt().plus(SEAT_DEADLINE))) {
            throw RoomUpdates.busy();
        }
    }

    /** Now, at the precision stores keep, so a hold and the seat it covers carry the same instant. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
